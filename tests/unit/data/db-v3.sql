-- A dockertutor database at schema version 3 (data/migrations/001 to 003),
-- as that release wrote it: the schema-2 fixture (db-v2.sql) migrated,
-- then reading positions of two learners, ada's in two lessons at
-- different times (images, read later than basics), and a hint bob read
-- after his check.  The migration test loads it into a file and opens it
-- with the current store.
PRAGMA application_id = 1146385780;
PRAGMA user_version = 3;
PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE learner (
	id      INTEGER PRIMARY KEY,
	name    TEXT NOT NULL UNIQUE,
	created INTEGER NOT NULL
);
INSERT INTO learner VALUES(1,'ada',1699990000);
INSERT INTO learner VALUES(2,'bob',1699990100);
CREATE TABLE bank (
	id     INTEGER PRIMARY KEY,
	name   TEXT NOT NULL UNIQUE,
	kind   TEXT NOT NULL CHECK (kind IN ('course', 'imported')),
	title  TEXT NOT NULL DEFAULT '',
	hash   TEXT NOT NULL DEFAULT '',
	synced INTEGER NOT NULL
);
INSERT INTO bank VALUES(1,'course:docker-basics','course','Docker and Containers Basics','00000000000000a1',1699990000);
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
INSERT INTO question VALUES(1,1,'q1','single','basics','intro',1,'["runtime"]','What isolates a container''s processes?','[{"text":"namespaces","correct":true},{"text":"cgroups","correct":false,"why":"Not this one."},{"text":"chroot only","correct":false},{"text":"a hypervisor","correct":false}]',NULL,'[]',NULL,0,'Because the lesson says so.',0);
INSERT INTO question VALUES(2,1,'q2','multiple','basics','intro',2,'["runtime","kernel"]','Which are Linux kernel features containers use?','[{"text":"namespaces","correct":true},{"text":"cgroups","correct":true,"why":"Not this one."},{"text":"hypervisors","correct":false},{"text":"capabilities","correct":true}]',NULL,'[]',NULL,0,'Because the lesson says so.',0);
INSERT INTO question VALUES(3,1,'q3','truefalse','basics','intro',1,'[]','Containers share the host kernel.','[]',1,'[]',NULL,0,'Because the lesson says so.',0);
INSERT INTO question VALUES(4,1,'q4','fill','basics','run',2,'["cli"]','Which flag runs a container in the background?','[]',NULL,'["-d","--detach"]',NULL,0,'Because the lesson says so.',0);
INSERT INTO question VALUES(5,1,'q5','single','images','layers',2,'["images"]','What does each Dockerfile instruction that changes files create?','[{"text":"a container","correct":false},{"text":"a layer","correct":true,"why":"Not this one."},{"text":"a volume","correct":false}]',NULL,'[]',NULL,0,'Because the lesson says so.',0);
CREATE TABLE section_read (
	learner_id INTEGER NOT NULL REFERENCES learner(id) ON DELETE CASCADE,
	lesson     TEXT NOT NULL,
	section    TEXT NOT NULL,
	at         INTEGER NOT NULL,
	PRIMARY KEY (learner_id, lesson, section)
) WITHOUT ROWID;
INSERT INTO section_read VALUES(1,'basics','intro',1700000000);
INSERT INTO section_read VALUES(1,'basics','run',1700000100);
INSERT INTO section_read VALUES(2,'images','layers',1700000200);
CREATE TABLE reading_position (
	learner_id INTEGER NOT NULL REFERENCES learner(id) ON DELETE CASCADE,
	lesson     TEXT NOT NULL,
	section    TEXT NOT NULL,
	line       INTEGER NOT NULL DEFAULT 0,
	at         INTEGER NOT NULL,
	PRIMARY KEY (learner_id, lesson)
) WITHOUT ROWID;
INSERT INTO reading_position VALUES(1,'basics','run',14,1700000100);
INSERT INTO reading_position VALUES(1,'images','layers',2500,1700000200);
INSERT INTO reading_position VALUES(2,'images','tags',9000,1700090000);
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
INSERT INTO attempt VALUES(1,1,1,'final','Final practice exam',42,'standard',65,1700002000,1700002600,1700002500,'submitted',2.0,3.0,1);
INSERT INTO attempt VALUES(2,1,1,'dca-check','DCA-style check',7,'domc',65,1700090000,1700090600,1700090300,'submitted',1.0,2.0,0);
INSERT INTO attempt VALUES(3,2,1,'dca-check','DCA-style check',8,'domc',65,1700090000,1700090600,NULL,'open',NULL,NULL,NULL);
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
INSERT INTO attempt_item VALUES(1,0,5,'2,0,1',0,'1',1,1.0,0,30000,1700002100);
INSERT INTO attempt_item VALUES(1,1,1,'3,1,0,2',0,'0',1,1.0,1,20000,1700002200);
INSERT INTO attempt_item VALUES(1,2,3,'',0,'false',0,0.0,0,15000,1700002300);
INSERT INTO attempt_item VALUES(2,0,1,'2,0,3,1',0,'domc:2N,0Y',1,1.0,0,9000,1700090060);
INSERT INTO attempt_item VALUES(2,1,5,'0,1,2',0,'domc:0Y',0,0.0,0,3000,1700090100);
INSERT INTO attempt_item VALUES(3,0,3,'',0,NULL,NULL,NULL,0,0,NULL);
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
INSERT INTO answer VALUES(1,1,1,NULL,'0',1,1.0,4200,1700000300);
INSERT INTO answer VALUES(2,1,2,NULL,'0,2',0,0.0,9100,1700000400);
INSERT INTO answer VALUES(3,1,2,NULL,'0,1,3',1,1.0,5000,1700086800);
INSERT INTO answer VALUES(4,1,4,NULL,'run -d',0,0.0,7000,1700086900);
INSERT INTO answer VALUES(5,2,5,NULL,'1',1,1.0,3000,1700000500);
INSERT INTO answer VALUES(6,2,3,NULL,'false',0,0.0,2000,1700000600);
INSERT INTO answer VALUES(7,1,5,1,'1',1,1.0,30000,1700002100);
INSERT INTO answer VALUES(8,1,1,1,'0',1,1.0,20000,1700002200);
INSERT INTO answer VALUES(9,1,3,1,'false',0,0.0,15000,1700002300);
INSERT INTO answer VALUES(10,1,1,2,'domc:2N',0,0.0,4000,1700090030);
INSERT INTO answer VALUES(11,1,1,2,'domc:2N,0Y',1,1.0,5000,1700090060);
INSERT INTO answer VALUES(12,1,5,2,'domc:0Y',0,0.0,3000,1700090100);
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
INSERT INTO review VALUES(1,1,3.1730000000000000426,5.2824344223190049518,1700259500,1700000300,1,0,2);
INSERT INTO review VALUES(1,2,4.4668580643622179948,5.2729679312874457863,1700472800,1700086800,2,0,2);
INSERT INTO review VALUES(1,4,0.40255000000000001891,7.194899999999999629,1700173300,1700086900,1,0,1);
CREATE TABLE exercise_attempt (
	id         INTEGER PRIMARY KEY,
	learner_id INTEGER NOT NULL REFERENCES learner(id) ON DELETE CASCADE,
	exercise   TEXT NOT NULL,
	lesson     TEXT NOT NULL DEFAULT '',
	passed     INTEGER NOT NULL,
	hints      INTEGER NOT NULL DEFAULT 0,
	at         INTEGER NOT NULL
);
INSERT INTO exercise_attempt VALUES(1,1,'non-root-user','production',0,1,1700001000);
INSERT INTO exercise_attempt VALUES(2,1,'non-root-user','production',1,2,1700001600);
INSERT INTO exercise_attempt VALUES(3,1,'pin-base','images',0,2,1700087000);
INSERT INTO exercise_attempt VALUES(4,2,'pin-base','images',0,0,1700087100);
CREATE TABLE learner_question (
	learner_id   INTEGER NOT NULL REFERENCES learner(id) ON DELETE CASCADE,
	question_id  INTEGER NOT NULL REFERENCES question(id),
	seen         INTEGER NOT NULL,
	correct      INTEGER NOT NULL,
	last_correct INTEGER NOT NULL,
	last_at      INTEGER NOT NULL,
	ms           INTEGER NOT NULL,
	PRIMARY KEY (learner_id, question_id)
) WITHOUT ROWID;
INSERT INTO learner_question VALUES(1,1,1,1,1,1700000300,4200);
INSERT INTO learner_question VALUES(1,2,2,1,1,1700086800,14100);
INSERT INTO learner_question VALUES(1,4,1,0,0,1700086900,7000);
INSERT INTO learner_question VALUES(2,3,1,0,0,1700000600,2000);
INSERT INTO learner_question VALUES(2,5,1,1,1,1700000500,3000);
CREATE TABLE question_total (
	question_id INTEGER PRIMARY KEY REFERENCES question(id),
	learners    INTEGER NOT NULL,
	answers     INTEGER NOT NULL,
	correct     INTEGER NOT NULL
);
INSERT INTO question_total VALUES(1,1,1,1);
INSERT INTO question_total VALUES(2,1,2,1);
INSERT INTO question_total VALUES(3,1,1,0);
INSERT INTO question_total VALUES(4,1,1,0);
INSERT INTO question_total VALUES(5,1,1,1);
CREATE TABLE learner_day (
	learner_id INTEGER NOT NULL REFERENCES learner(id) ON DELETE CASCADE,
	day        INTEGER NOT NULL,
	answers    INTEGER NOT NULL,
	correct    INTEGER NOT NULL,
	ms         INTEGER NOT NULL,
	PRIMARY KEY (learner_id, day)
) WITHOUT ROWID;
INSERT INTO learner_day VALUES(1,19675,5,3,78300);
INSERT INTO learner_day VALUES(1,19676,4,2,24000);
INSERT INTO learner_day VALUES(2,19675,2,1,5000);
CREATE TABLE exercise_hint (
	learner_id INTEGER NOT NULL REFERENCES learner(id) ON DELETE CASCADE,
	exercise   TEXT NOT NULL,
	lesson     TEXT NOT NULL DEFAULT '',
	hints      INTEGER NOT NULL,
	at         INTEGER NOT NULL,          -- when the count last grew
	PRIMARY KEY (learner_id, exercise)
) WITHOUT ROWID;
INSERT INTO exercise_hint VALUES(1,'non-root-user','production',2,1700001600);
INSERT INTO exercise_hint VALUES(1,'pin-base','images',2,1700087000);
INSERT INTO exercise_hint VALUES(2,'pin-base','images',1,1700090300);
CREATE INDEX question_lesson ON question (bank_id, lesson);
CREATE INDEX attempt_learner ON attempt (learner_id, status);
CREATE INDEX attempt_exam ON attempt (exam);
CREATE INDEX answer_learner ON answer (learner_id, question_id, at);
CREATE INDEX answer_attempt ON answer (attempt_id);
CREATE INDEX review_due ON review (learner_id, due);
CREATE INDEX exercise_learner ON exercise_attempt (learner_id, exercise);
CREATE TRIGGER answer_learner_question AFTER INSERT ON answer
WHEN NEW.attempt_id IS NULL
BEGIN
	INSERT INTO learner_question (learner_id, question_id, seen, correct,
	                              last_correct, last_at, ms)
	VALUES (NEW.learner_id, NEW.question_id, 1, NEW.correct, NEW.correct,
	        NEW.at, NEW.ms)
	ON CONFLICT (learner_id, question_id) DO UPDATE SET
		seen = seen + 1,
		correct = correct + excluded.correct,
		last_correct = CASE WHEN excluded.last_at >= last_at
		                    THEN excluded.last_correct ELSE last_correct END,
		last_at = max(last_at, excluded.last_at),
		ms = ms + excluded.ms;
END;
CREATE TRIGGER learner_question_added AFTER INSERT ON learner_question
BEGIN
	INSERT INTO question_total (question_id, learners, answers, correct)
	VALUES (NEW.question_id, 1, NEW.seen, NEW.correct)
	ON CONFLICT (question_id) DO UPDATE SET
		learners = learners + 1,
		answers = answers + excluded.answers,
		correct = correct + excluded.correct;
END;
CREATE TRIGGER learner_question_changed AFTER UPDATE ON learner_question
BEGIN
	UPDATE question_total
	   SET answers = answers + NEW.seen - OLD.seen,
	       correct = correct + NEW.correct - OLD.correct
	 WHERE question_id = NEW.question_id;
END;
CREATE TRIGGER learner_question_removed AFTER DELETE ON learner_question
BEGIN
	UPDATE question_total
	   SET learners = learners - 1,
	       answers = answers - OLD.seen,
	       correct = correct - OLD.correct
	 WHERE question_id = OLD.question_id;
END;
CREATE TRIGGER answer_learner_day AFTER INSERT ON answer
BEGIN
	INSERT INTO learner_day (learner_id, day, answers, correct, ms)
	VALUES (NEW.learner_id, NEW.at / 86400, 1, NEW.correct, NEW.ms)
	ON CONFLICT (learner_id, day) DO UPDATE SET
		answers = answers + 1,
		correct = correct + excluded.correct,
		ms = ms + excluded.ms;
END;
CREATE INDEX attempt_item_question ON attempt_item (question_id);
CREATE TRIGGER exercise_attempt_hints AFTER INSERT ON exercise_attempt
WHEN NEW.hints > 0
BEGIN
	INSERT INTO exercise_hint (learner_id, exercise, lesson, hints, at)
	VALUES (NEW.learner_id, NEW.exercise, NEW.lesson, NEW.hints, NEW.at)
	ON CONFLICT (learner_id, exercise) DO UPDATE SET
		hints = excluded.hints, at = excluded.at
	WHERE excluded.hints > exercise_hint.hints;
END;
CREATE TRIGGER answer_replaces_item AFTER INSERT ON answer
WHEN NEW.attempt_id IS NOT NULL
BEGIN
	UPDATE learner_day
	   SET answers = answers - 1,
	       correct = correct - (SELECT p.correct FROM answer p
	                             WHERE p.attempt_id = NEW.attempt_id
	                               AND p.question_id = NEW.question_id
	                               AND p.id < NEW.id
	                             ORDER BY p.id DESC LIMIT 1)
	 WHERE learner_id = NEW.learner_id
	   AND day = (SELECT p.at / 86400 FROM answer p
	               WHERE p.attempt_id = NEW.attempt_id
	                 AND p.question_id = NEW.question_id
	                 AND p.id < NEW.id
	               ORDER BY p.id DESC LIMIT 1);
END;
COMMIT;
