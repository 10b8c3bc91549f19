-- dockertutor database, schema version 1: learners, question banks, reading
-- progress, answers, review states, exercises and exam attempts.
-- Times are Unix seconds (UTC).  Rows refer to questions by row id; a
-- question's stable content id is question.qid within its bank.

CREATE TABLE learner (
	id      INTEGER PRIMARY KEY,
	name    TEXT NOT NULL UNIQUE,
	created INTEGER NOT NULL
);

-- A course bank (name "course:ID") is synced from content whenever the
-- content hash changes; imported banks (GIFT, Aiken, YAML) sit beside it.
CREATE TABLE bank (
	id     INTEGER PRIMARY KEY,
	name   TEXT NOT NULL UNIQUE,
	kind   TEXT NOT NULL CHECK (kind IN ('course', 'imported')),
	title  TEXT NOT NULL DEFAULT '',
	hash   TEXT NOT NULL DEFAULT '',
	synced INTEGER NOT NULL
);

-- Enough of each question for reports and imported banks to work without
-- the YAML.  A question gone from the content is retired, never deleted,
-- so its history stays.
CREATE TABLE question (
	id             INTEGER PRIMARY KEY,
	bank_id        INTEGER NOT NULL REFERENCES bank(id) ON DELETE CASCADE,
	qid            TEXT NOT NULL,
	type           TEXT NOT NULL
	               CHECK (type IN ('single', 'multiple', 'truefalse', 'fill')),
	lesson         TEXT NOT NULL DEFAULT '',
	section        TEXT NOT NULL DEFAULT '',
	difficulty     INTEGER NOT NULL DEFAULT 2,
	tags           TEXT NOT NULL DEFAULT '[]',    -- JSON array of ids
	stem           TEXT NOT NULL,
	choices        TEXT NOT NULL DEFAULT '[]',    -- JSON [{text, correct, why}]
	answer         INTEGER,                       -- truefalse
	answers        TEXT NOT NULL DEFAULT '[]',    -- JSON array (fill)
	pattern        TEXT,                          -- fill
	case_sensitive INTEGER NOT NULL DEFAULT 0,
	explanation    TEXT,
	retired        INTEGER NOT NULL DEFAULT 0,
	UNIQUE (bank_id, qid)
);
CREATE INDEX question_lesson ON question (bank_id, lesson);

CREATE TABLE section_read (
	learner_id INTEGER NOT NULL REFERENCES learner(id) ON DELETE CASCADE,
	lesson     TEXT NOT NULL,
	section    TEXT NOT NULL,
	at         INTEGER NOT NULL,
	PRIMARY KEY (learner_id, lesson, section)
) WITHOUT ROWID;

CREATE TABLE reading_position (
	learner_id INTEGER NOT NULL REFERENCES learner(id) ON DELETE CASCADE,
	lesson     TEXT NOT NULL,
	section    TEXT NOT NULL,
	line       INTEGER NOT NULL DEFAULT 0,
	at         INTEGER NOT NULL,
	PRIMARY KEY (learner_id, lesson)
) WITHOUT ROWID;

-- One sitting of an exam.  status: open, submitted, or expired (the
-- deadline passed and it was submitted with what had been answered).
CREATE TABLE attempt (
	id           INTEGER PRIMARY KEY,
	learner_id   INTEGER NOT NULL REFERENCES learner(id) ON DELETE CASCADE,
	bank_id      INTEGER NOT NULL REFERENCES bank(id),
	exam         TEXT NOT NULL,
	title        TEXT NOT NULL DEFAULT '',
	seed         INTEGER NOT NULL,
	presentation TEXT NOT NULL DEFAULT 'standard'
	             CHECK (presentation IN ('standard', 'domc')),
	pass_mark    INTEGER NOT NULL,
	started      INTEGER NOT NULL,
	deadline     INTEGER NOT NULL,
	finished     INTEGER,
	status       TEXT NOT NULL DEFAULT 'open'
	             CHECK (status IN ('open', 'submitted', 'expired')),
	score        REAL,
	max_score    REAL,
	passed       INTEGER
);
CREATE INDEX attempt_learner ON attempt (learner_id, status);
CREATE INDEX attempt_exam ON attempt (exam);

-- The drawn paper: question order, choice order ("2,0,3,1"), and the
-- current response to each item.
CREATE TABLE attempt_item (
	attempt_id   INTEGER NOT NULL REFERENCES attempt(id) ON DELETE CASCADE,
	pos          INTEGER NOT NULL,
	question_id  INTEGER NOT NULL REFERENCES question(id),
	choice_order TEXT NOT NULL DEFAULT '',
	domc_extra   INTEGER NOT NULL DEFAULT 0,
	response     TEXT,
	correct      INTEGER,
	score        REAL,
	flagged      INTEGER NOT NULL DEFAULT 0,
	ms           INTEGER NOT NULL DEFAULT 0,
	answered_at  INTEGER,
	PRIMARY KEY (attempt_id, pos)
) WITHOUT ROWID;

-- Every answer as it was given: practice (attempt_id NULL) and exam.
CREATE TABLE answer (
	id          INTEGER PRIMARY KEY,
	learner_id  INTEGER NOT NULL REFERENCES learner(id) ON DELETE CASCADE,
	question_id INTEGER NOT NULL REFERENCES question(id),
	attempt_id  INTEGER REFERENCES attempt(id) ON DELETE CASCADE,
	response    TEXT NOT NULL,
	correct     INTEGER NOT NULL,
	score       REAL NOT NULL,
	ms          INTEGER NOT NULL,
	at          INTEGER NOT NULL
);
CREATE INDEX answer_learner ON answer (learner_id, question_id, at);
CREATE INDEX answer_attempt ON answer (attempt_id);

-- FSRS memory state per learner and question.
CREATE TABLE review (
	learner_id  INTEGER NOT NULL REFERENCES learner(id) ON DELETE CASCADE,
	question_id INTEGER NOT NULL REFERENCES question(id),
	stability   REAL NOT NULL,
	difficulty  REAL NOT NULL,
	due         INTEGER NOT NULL,
	last_review INTEGER NOT NULL,
	reps        INTEGER NOT NULL,
	lapses      INTEGER NOT NULL,
	state       INTEGER NOT NULL,
	PRIMARY KEY (learner_id, question_id)
) WITHOUT ROWID;
CREATE INDEX review_due ON review (learner_id, due);

CREATE TABLE exercise_attempt (
	id         INTEGER PRIMARY KEY,
	learner_id INTEGER NOT NULL REFERENCES learner(id) ON DELETE CASCADE,
	exercise   TEXT NOT NULL,
	lesson     TEXT NOT NULL DEFAULT '',
	passed     INTEGER NOT NULL,
	hints      INTEGER NOT NULL DEFAULT 0,
	at         INTEGER NOT NULL
);
CREATE INDEX exercise_learner ON exercise_attempt (learner_id, exercise);
