-- Schema version 4: reading positions say which was set last, so that
-- "continue where you left off" reopens the lesson read last.  Their time
-- (at) comes first; seq breaks ties within one second (a learner moving
-- from lesson to lesson, a stopped clock): each update takes one more
-- than the learner's highest.  Positions already stored keep 0 and are
-- told apart by their time alone.
ALTER TABLE reading_position ADD COLUMN seq INTEGER NOT NULL DEFAULT 0;
