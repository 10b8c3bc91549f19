-- Schema version 3: the exercise hints a learner has seen, kept on their
-- own (a hint is read before any check is run), and daily totals that
-- count an exam item once however often it was answered: a DOMC item logs
-- one answer per option shown, and a changed answer logs another, but the
-- learner answered one question.  Existing totals are rebuilt that way.

-- Hints seen per learner and exercise: only ever grows.  Checks record the
-- hints seen with each attempt too; the trigger below keeps this table the
-- most of both.
CREATE TABLE exercise_hint (
	learner_id INTEGER NOT NULL REFERENCES learner(id) ON DELETE CASCADE,
	exercise   TEXT NOT NULL,
	lesson     TEXT NOT NULL DEFAULT '',
	hints      INTEGER NOT NULL,
	at         INTEGER NOT NULL,          -- when the count last grew
	PRIMARY KEY (learner_id, exercise)
) WITHOUT ROWID;

CREATE TRIGGER exercise_attempt_hints AFTER INSERT ON exercise_attempt
WHEN NEW.hints > 0
BEGIN
	INSERT INTO exercise_hint (learner_id, exercise, lesson, hints, at)
	VALUES (NEW.learner_id, NEW.exercise, NEW.lesson, NEW.hints, NEW.at)
	ON CONFLICT (learner_id, exercise) DO UPDATE SET
		hints = excluded.hints, at = excluded.at
	WHERE excluded.hints > exercise_hint.hints;
END;

INSERT INTO exercise_hint (learner_id, exercise, lesson, hints, at)
SELECT learner_id, exercise, max(lesson), max(hints), max(at)
  FROM exercise_attempt
 WHERE hints > 0
 GROUP BY learner_id, exercise;

-- An exam answer replaces the item's earlier one in the daily totals: the
-- earlier answer stops counting (on its own day) while answer_learner_day
-- counts the new one.  The time of every answer stays where it was spent.
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

DELETE FROM learner_day;

-- counted: a practice answer, or an exam item's latest answer.
INSERT INTO learner_day (learner_id, day, answers, correct, ms)
SELECT learner_id, at / 86400, sum(counted), sum(counted * correct), sum(ms)
  FROM (SELECT a.learner_id, a.at, a.correct, a.ms,
               a.attempt_id IS NULL OR NOT EXISTS (
                   SELECT 1 FROM answer b
                    WHERE b.attempt_id = a.attempt_id
                      AND b.question_id = a.question_id
                      AND b.id > a.id) AS counted
          FROM answer a)
 GROUP BY learner_id, at / 86400;
