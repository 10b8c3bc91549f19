-- Schema version 2: summary tables kept up to date by triggers, so progress
-- and statistics read one row per learner and question (or per learner and
-- day) instead of every answer ever given; filled from the answers already
-- stored.

-- Practice answers only: exam answers belong to their attempt.
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

-- Per question, over every learner: instructors' difficulty views read one
-- row per question.  Kept equal to the sums of learner_question.
CREATE TABLE question_total (
	question_id INTEGER PRIMARY KEY REFERENCES question(id),
	learners    INTEGER NOT NULL,
	answers     INTEGER NOT NULL,
	correct     INTEGER NOT NULL
);

-- Every answer, practice and exam: time studied per (UTC) day.
CREATE TABLE learner_day (
	learner_id INTEGER NOT NULL REFERENCES learner(id) ON DELETE CASCADE,
	day        INTEGER NOT NULL,
	answers    INTEGER NOT NULL,
	correct    INTEGER NOT NULL,
	ms         INTEGER NOT NULL,
	PRIMARY KEY (learner_id, day)
) WITHOUT ROWID;

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

INSERT INTO learner_question (learner_id, question_id, seen, correct,
                              last_correct, last_at, ms)
SELECT a.learner_id, a.question_id, count(*), sum(a.correct),
       (SELECT b.correct FROM answer b
         WHERE b.learner_id = a.learner_id AND b.question_id = a.question_id
           AND b.attempt_id IS NULL
         ORDER BY b.at DESC, b.id DESC LIMIT 1),
       max(a.at), sum(a.ms)
  FROM answer a
 WHERE a.attempt_id IS NULL
 GROUP BY a.learner_id, a.question_id;

-- (question_total was filled by learner_question_added, row by row.)

INSERT INTO learner_day (learner_id, day, answers, correct, ms)
SELECT learner_id, at / 86400, count(*), sum(correct), sum(ms)
  FROM answer
 GROUP BY learner_id, at / 86400;

-- Instructor reports read every attempt of an exam, item by item.
CREATE INDEX attempt_item_question ON attempt_item (question_id);
