/* Private to src/store/: the connection, every SQL statement the store
 * runs (one table, prepared once per connection and cached), and the
 * helpers that bind, step, copy text out and map SQLite errors. */
#ifndef DT_STORE_INT_H
#define DT_STORE_INT_H

#include <sqlite3.h>

#include "dockertutor/store.h"

/* True when the JSON entry v (of json_each type t) is not an object, or
 * its field ?3 is not of type ?4: "integer" (one that fits in 64 bits:
 * SQLite reads a longer one as a real), "text", "array", "number"
 * (integer or real), "text?" (text or null), or one of the values a
 * column's CHECK allows ("presentation", "status").  A CASE, so that the
 * field is never looked up in an entry that is not JSON. */
#define DOC_MISMATCH(t, v)                                               \
	"CASE WHEN " t " IS NOT 'object' THEN 1 "                           \
	"WHEN ?4 = 'integer' THEN json_type(" v ", ?3) IS NOT 'integer' "   \
	"OR typeof(json_extract(" v ", ?3)) <> 'integer' "                  \
	"WHEN ?4 = 'number' THEN "                                          \
	"coalesce(json_type(" v ", ?3), '') NOT IN ('integer', 'real') "    \
	"WHEN ?4 = 'text?' THEN coalesce(json_type(" v ", ?3), 'null') "    \
	"NOT IN ('text', 'null') "                                          \
	"WHEN ?4 = 'presentation' THEN json_type(" v ", ?3) IS NOT 'text' " \
	"OR json_extract(" v ", ?3) NOT IN ('standard', 'domc') "           \
	"WHEN ?4 = 'status' THEN json_type(" v ", ?3) IS NOT 'text' OR "    \
	"json_extract(" v ", ?3) NOT IN ('open', 'submitted', 'expired') "  \
	"ELSE coalesce(json_type(" v ", ?3), '') <> ?4 END"

/* The columns of struct store_attempt, for every query that reads one. */
#define ATTEMPT_COLS                                                     \
	"SELECT a.id, a.learner_id, l.name, a.bank_id, a.exam, a.title, "   \
	"a.seed, a.presentation, a.pass_mark, a.started, a.deadline, "      \
	"coalesce(a.finished, 0), a.status, coalesce(a.score, 0), "         \
	"coalesce(a.max_score, 0), coalesce(a.passed, 0) "                  \
	"FROM attempt a JOIN learner l ON l.id = a.learner_id "

/* The questions of lesson ?2, in every bank. */
#define LESSON_SCOPE "question_id IN (SELECT id FROM question WHERE lesson = ?2)"

#define STORE_SQL_LIST(X)                                                   \
	/* opening */                                                       \
	/* one statement, so one snapshot: another process may be creating  \
	 * the schema right now */                                          \
	X(SQL_IDENTITY, "SELECT (SELECT application_id "                    \
	  "FROM pragma_application_id), (SELECT user_version "              \
	  "FROM pragma_user_version), (SELECT count(*) FROM sqlite_master)") \
	X(SQL_USER_VERSION, "PRAGMA user_version")                          \
	X(SQL_WAL, "PRAGMA journal_mode = WAL")                             \
	X(SQL_FOREIGN_KEYS, "PRAGMA foreign_keys = ON")                     \
	X(SQL_SYNCHRONOUS, "PRAGMA synchronous = NORMAL")                   \
	X(SQL_QUICK_CHECK, "PRAGMA quick_check")                            \
	X(SQL_INTEGRITY_CHECK, "PRAGMA integrity_check")                    \
	X(SQL_BEGIN, "BEGIN IMMEDIATE")                                     \
	X(SQL_COMMIT, "COMMIT")                                             \
	X(SQL_ROLLBACK, "ROLLBACK")                                         \
	/* learners */                                                      \
	X(SQL_LEARNER_FIND, "SELECT id FROM learner WHERE name = ?1")       \
	X(SQL_LEARNER_ADD,                                                  \
	  "INSERT INTO learner (name, created) VALUES (?1, ?2)")            \
	X(SQL_LEARNERS, "SELECT id, name, created FROM learner ORDER BY name") \
	/* banks */                                                         \
	X(SQL_BANK_FIND, "SELECT id, hash, kind FROM bank WHERE name = ?1") \
	X(SQL_BANK_ADD, "INSERT INTO bank (name, kind, title, hash, synced) " \
	  "VALUES (?1, ?2, ?3, '', ?4)")                                    \
	X(SQL_BANK_SET, "UPDATE bank SET title = ?2, hash = ?3, synced = ?4 " \
	  "WHERE id = ?1")                                                  \
	X(SQL_BANK_RETIRE, "UPDATE question SET retired = 1 "               \
	  "WHERE bank_id = ?1 AND NOT retired")                             \
	X(SQL_QUESTION_PUT, "INSERT INTO question (bank_id, qid, type, "    \
	  "lesson, section, difficulty, tags, stem, choices, answer, "      \
	  "answers, pattern, case_sensitive, explanation) VALUES (?1, ?2, " \
	  "?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14) "           \
	  "ON CONFLICT (bank_id, qid) DO UPDATE SET type = excluded.type, " \
	  "lesson = excluded.lesson, section = excluded.section, "          \
	  "difficulty = excluded.difficulty, tags = excluded.tags, "        \
	  "stem = excluded.stem, choices = excluded.choices, "              \
	  "answer = excluded.answer, answers = excluded.answers, "          \
	  "pattern = excluded.pattern, "                                    \
	  "case_sensitive = excluded.case_sensitive, "                      \
	  "explanation = excluded.explanation, retired = 0")                \
	X(SQL_BANKS, "SELECT b.id, b.name, b.kind, b.title, b.synced, "     \
	  "(SELECT count(*) FROM question q WHERE q.bank_id = b.id "        \
	  "AND NOT q.retired) FROM bank b ORDER BY b.name")                 \
	X(SQL_BANK_QUESTIONS, "SELECT id, qid, type, lesson, section, "     \
	  "difficulty, stem, answer, pattern, case_sensitive, explanation " \
	  "FROM question WHERE bank_id = ?1 AND (?2 OR NOT retired) "       \
	  "ORDER BY id")                                                    \
	X(SQL_BANK_TAGS, "SELECT q.id, j.value FROM question q, "           \
	  "json_each(q.tags) j WHERE q.bank_id = ?1 AND (?2 OR NOT "        \
	  "q.retired) ORDER BY q.id, j.key")                                \
	X(SQL_BANK_ANSWERS, "SELECT q.id, j.value FROM question q, "        \
	  "json_each(q.answers) j WHERE q.bank_id = ?1 AND (?2 OR NOT "     \
	  "q.retired) ORDER BY q.id, j.key")                                \
	X(SQL_BANK_CHOICES, "SELECT q.id, json_extract(j.value, '$.text'), " \
	  "json_extract(j.value, '$.correct'), "                            \
	  "json_extract(j.value, '$.why') FROM question q, "                \
	  "json_each(q.choices) j WHERE q.bank_id = ?1 AND (?2 OR NOT "     \
	  "q.retired) ORDER BY q.id, j.key")                                \
	X(SQL_QUESTION_ID,                                                  \
	  "SELECT id FROM question WHERE bank_id = ?1 AND qid = ?2")        \
	/* reading */                                                       \
	X(SQL_MARK_READ, "INSERT INTO section_read (learner_id, lesson, "   \
	  "section, at) VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING")    \
	/* seq: one more than the learner's highest (migration 4) */        \
	X(SQL_SET_POSITION, "INSERT INTO reading_position (learner_id, "    \
	  "lesson, section, line, at, seq) VALUES (?1, ?2, ?3, ?4, ?5, "    \
	  "(SELECT coalesce(max(seq), 0) + 1 FROM reading_position "        \
	  "WHERE learner_id = ?1)) "                                        \
	  "ON CONFLICT (learner_id, lesson) DO UPDATE SET "                 \
	  "section = excluded.section, line = excluded.line, "              \
	  "at = excluded.at, seq = excluded.seq")                           \
	/* the two position queries read the same columns */               \
	X(SQL_GET_POSITION, "SELECT lesson, section, line "                 \
	  "FROM reading_position WHERE learner_id = ?1 AND lesson = ?2")    \
	X(SQL_LAST_POSITION, "SELECT lesson, section, line "                \
	  "FROM reading_position WHERE learner_id = ?1 "                    \
	  "ORDER BY at DESC, seq DESC LIMIT 1")                             \
	X(SQL_SECTIONS_READ, "SELECT section FROM section_read "            \
	  "WHERE learner_id = ?1 AND lesson = ?2 ORDER BY at, section")     \
	/* answers and reviews */                                           \
	X(SQL_ANSWER_ADD, "INSERT INTO answer (learner_id, question_id, "   \
	  "attempt_id, response, correct, score, ms, at) "                  \
	  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")                        \
	X(SQL_REVIEW_PUT, "INSERT INTO review (learner_id, question_id, "   \
	  "stability, difficulty, due, last_review, reps, lapses, state) "  \
	  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) "                    \
	  "ON CONFLICT (learner_id, question_id) DO UPDATE SET "            \
	  "stability = excluded.stability, difficulty = excluded.difficulty, " \
	  "due = excluded.due, last_review = excluded.last_review, "        \
	  "reps = excluded.reps, lapses = excluded.lapses, "                \
	  "state = excluded.state")                                         \
	X(SQL_REVIEW_GET, "SELECT r.stability, r.difficulty, r.due, "       \
	  "r.last_review, r.reps, r.lapses, r.state FROM review r "         \
	  "JOIN question q ON q.id = r.question_id "                        \
	  "WHERE r.learner_id = ?1 AND q.bank_id = ?2 AND q.qid = ?3")      \
	X(SQL_HISTORY, "SELECT q.qid, coalesce(lq.seen, 0), "               \
	  "coalesce(lq.seen - lq.correct, 0), "                             \
	  "coalesce(NOT lq.last_correct, 0), coalesce(lq.last_at, 0), "     \
	  "coalesce(r.due, 0) FROM question q "                             \
	  "LEFT JOIN learner_question lq ON lq.learner_id = ?1 "            \
	  "AND lq.question_id = q.id "                                      \
	  "LEFT JOIN review r ON r.learner_id = ?1 AND r.question_id = q.id " \
	  "WHERE q.bank_id = ?2 AND NOT q.retired ORDER BY q.id")           \
	X(SQL_MISTAKES, "SELECT q.qid FROM learner_question lq "            \
	  "JOIN question q ON q.id = lq.question_id "                       \
	  "WHERE lq.learner_id = ?1 AND q.bank_id = ?2 AND NOT q.retired "  \
	  "AND lq.last_correct = 0 ORDER BY lq.last_at DESC, q.id")         \
	X(SQL_UNSEEN, "SELECT q.qid FROM question q WHERE q.bank_id = ?2 "  \
	  "AND NOT q.retired AND (?3 IS NULL OR q.lesson = ?3) "            \
	  "AND NOT EXISTS (SELECT 1 FROM learner_question lq "              \
	  "WHERE lq.learner_id = ?1 AND lq.question_id = q.id) ORDER BY q.id") \
	X(SQL_DUE_COUNT, "SELECT count(*) FROM review r "                   \
	  "JOIN question q ON q.id = r.question_id WHERE r.learner_id = ?1 " \
	  "AND r.due <= ?3 AND q.bank_id = ?2 AND NOT q.retired")           \
	X(SQL_DUE_FORECAST, "SELECT max(0, (r.due - ?3) / 86400) AS d, "    \
	  "count(*) FROM review r JOIN question q ON q.id = r.question_id " \
	  "WHERE r.learner_id = ?1 AND q.bank_id = ?2 AND NOT q.retired "   \
	  "AND r.due < ?3 + ?4 * 86400 GROUP BY d")                         \
	/* summaries */                                                     \
	X(SQL_LESSON_PROGRESS, "SELECT q.lesson, count(*), "                \
	  "count(lq.question_id), coalesce(sum(lq.seen), 0), "              \
	  "coalesce(sum(lq.correct), 0), coalesce(sum(lq.last_correct), 0), " \
	  "coalesce(sum(lq.ms), 0), (SELECT count(*) FROM section_read sr " \
	  "WHERE sr.learner_id = ?1 AND sr.lesson = q.lesson) "             \
	  "FROM question q LEFT JOIN learner_question lq "                  \
	  "ON lq.learner_id = ?1 AND lq.question_id = q.id "                \
	  "WHERE q.bank_id = ?2 AND NOT q.retired "                         \
	  "GROUP BY q.lesson ORDER BY q.lesson")                            \
	X(SQL_STUDY_DAYS, "SELECT day, answers, correct, ms FROM learner_day " \
	  "WHERE learner_id = ?1 AND day BETWEEN ?2 AND ?3 ORDER BY day")    \
	X(SQL_QUESTION_TOTALS, "SELECT q.qid, q.lesson, "                   \
	  "coalesce(t.learners, 0), coalesce(t.answers, 0), "               \
	  "coalesce(t.correct, 0) FROM question q "                         \
	  "LEFT JOIN question_total t ON t.question_id = q.id "             \
	  "WHERE q.bank_id = ?1 AND NOT q.retired ORDER BY q.id")           \
	/* exercises */                                                     \
	X(SQL_EXERCISE_ADD, "INSERT INTO exercise_attempt (learner_id, "    \
	  "exercise, lesson, passed, hints, at) "                           \
	  "VALUES (?1, ?2, ?3, ?4, ?5, ?6)")                                \
	X(SQL_HINT_PUT, "INSERT INTO exercise_hint (learner_id, exercise, " \
	  "lesson, hints, at) VALUES (?1, ?2, ?3, ?4, ?5) "                 \
	  "ON CONFLICT (learner_id, exercise) DO UPDATE SET "               \
	  "hints = excluded.hints, at = excluded.at "                       \
	  "WHERE excluded.hints > exercise_hint.hints")                     \
	/* every exercise checked or hinted; one exercise_hint row and one  \
	 * fp row at most per group */                                      \
	X(SQL_EXERCISE_PROGRESS, "WITH ids AS (SELECT exercise "            \
	  "FROM exercise_attempt WHERE learner_id = ?1 UNION "              \
	  "SELECT exercise FROM exercise_hint WHERE learner_id = ?1), "     \
	  "fp AS (SELECT exercise, min(at) AS first FROM exercise_attempt " \
	  "WHERE learner_id = ?1 AND passed GROUP BY exercise) "            \
	  "SELECT i.exercise, coalesce(max(e.lesson), h.lesson, ''), "      \
	  "count(e.exercise), coalesce(fp.first, 0), "                      \
	  "coalesce(sum(e.at <= fp.first), 0), coalesce(h.hints, 0) "       \
	  "FROM ids i LEFT JOIN exercise_attempt e ON e.learner_id = ?1 "   \
	  "AND e.exercise = i.exercise "                                    \
	  "LEFT JOIN fp ON fp.exercise = i.exercise "                       \
	  "LEFT JOIN exercise_hint h ON h.learner_id = ?1 "                 \
	  "AND h.exercise = i.exercise "                                    \
	  "GROUP BY i.exercise ORDER BY i.exercise")                        \
	/* attempts */                                                      \
	X(SQL_ATTEMPT_ADD, "INSERT INTO attempt (learner_id, bank_id, exam, " \
	  "title, seed, presentation, pass_mark, started, deadline) "       \
	  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")                    \
	X(SQL_ITEM_ADD, "INSERT INTO attempt_item (attempt_id, pos, "       \
	  "question_id, choice_order, domc_extra) VALUES (?1, ?2, ?3, ?4, ?5)") \
	X(SQL_ATTEMPT_STATE, "SELECT status, learner_id FROM attempt "      \
	  "WHERE id = ?1")                                                  \
	X(SQL_ITEM_RESPOND, "UPDATE attempt_item SET response = ?3, "       \
	  "correct = ?4, score = ?5, ms = ms + ?6, answered_at = ?7 "        \
	  "WHERE attempt_id = ?1 AND pos = ?2 RETURNING question_id")       \
	X(SQL_ITEM_FLAG, "UPDATE attempt_item SET flagged = ?3 "            \
	  "WHERE attempt_id = ?1 AND pos = ?2")                             \
	X(SQL_ATTEMPT_FINISH, "UPDATE attempt SET status = ?2, "            \
	  "finished = ?3, score = ?4, max_score = ?5, passed = ?6 "         \
	  "WHERE id = ?1 AND status = 'open'")                              \
	X(SQL_ATTEMPT_GET, ATTEMPT_COLS "WHERE a.id = ?1")                  \
	X(SQL_ITEMS_GET, "SELECT i.pos, q.qid, q.lesson, i.choice_order, "  \
	  "i.domc_extra, i.response, coalesce(i.correct, 0), "              \
	  "coalesce(i.score, 0), i.flagged, i.ms, "                         \
	  "coalesce(i.answered_at, 0) FROM attempt_item i "                 \
	  "JOIN question q ON q.id = i.question_id "                        \
	  "WHERE i.attempt_id = ?1 ORDER BY i.pos")                         \
	X(SQL_OPEN_ATTEMPTS, ATTEMPT_COLS                                   \
	  "WHERE a.learner_id = ?1 AND a.status = 'open' "                  \
	  "ORDER BY a.started, a.id")                                       \
	X(SQL_EXAM_HISTORY, ATTEMPT_COLS "WHERE a.learner_id = ?1 "         \
	  "AND (?2 IS NULL OR a.exam = ?2) ORDER BY a.started DESC, a.id DESC") \
	X(SQL_EXAM_REPORT, ATTEMPT_COLS "WHERE a.exam = ?1 "                \
	  "AND a.status <> 'open' ORDER BY l.name, a.started, a.id")        \
	X(SQL_EXAMS, "SELECT DISTINCT exam FROM attempt "                   \
	  "WHERE status <> 'open' ORDER BY exam")                           \
	/* reset of one lesson: ?1 learner, ?2 lesson */                    \
	X(SQL_RESET_L_READ,                                                 \
	  "DELETE FROM section_read WHERE learner_id = ?1 AND lesson = ?2") \
	X(SQL_RESET_L_POSITION,                                             \
	  "DELETE FROM reading_position WHERE learner_id = ?1 AND lesson = ?2") \
	X(SQL_RESET_L_ANSWERS, "DELETE FROM answer WHERE learner_id = ?1 "  \
	  "AND attempt_id IS NULL AND " LESSON_SCOPE)                       \
	X(SQL_RESET_L_SUMMARY, "DELETE FROM learner_question "              \
	  "WHERE learner_id = ?1 AND " LESSON_SCOPE)                        \
	X(SQL_RESET_L_REVIEWS,                                              \
	  "DELETE FROM review WHERE learner_id = ?1 AND " LESSON_SCOPE)     \
	X(SQL_RESET_L_EXERCISES, "DELETE FROM exercise_attempt "            \
	  "WHERE learner_id = ?1 AND lesson = ?2")                          \
	X(SQL_RESET_L_HINTS, "DELETE FROM exercise_hint "                   \
	  "WHERE learner_id = ?1 AND lesson = ?2")                          \
	/* reset of everything: ?1 learner */                               \
	X(SQL_RESET_READ, "DELETE FROM section_read WHERE learner_id = ?1") \
	X(SQL_RESET_POSITION,                                               \
	  "DELETE FROM reading_position WHERE learner_id = ?1")             \
	X(SQL_RESET_ANSWERS, "DELETE FROM answer WHERE learner_id = ?1")    \
	X(SQL_RESET_SUMMARY,                                                \
	  "DELETE FROM learner_question WHERE learner_id = ?1")             \
	X(SQL_RESET_REVIEWS, "DELETE FROM review WHERE learner_id = ?1")    \
	X(SQL_RESET_EXERCISES,                                              \
	  "DELETE FROM exercise_attempt WHERE learner_id = ?1")             \
	X(SQL_RESET_HINTS, "DELETE FROM exercise_hint WHERE learner_id = ?1") \
	X(SQL_RESET_ATTEMPTS, "DELETE FROM attempt WHERE learner_id = ?1")  \
	/* daily totals follow the answers that remain, as the trigger of   \
	 * migration 3 keeps them: a practice answer counts, and an exam    \
	 * item's latest answer; time counts for all */                     \
	X(SQL_DAYS_CLEAR, "DELETE FROM learner_day WHERE learner_id = ?1")  \
	X(SQL_DAYS_REBUILD, "INSERT INTO learner_day (learner_id, day, "    \
	  "answers, correct, ms) SELECT ?1, at / 86400, sum(counted), "     \
	  "sum(counted * correct), sum(ms) FROM (SELECT a.at, a.correct, "  \
	  "a.ms, a.attempt_id IS NULL OR NOT EXISTS (SELECT 1 FROM answer b " \
	  "WHERE b.attempt_id = a.attempt_id AND b.question_id = a.question_id " \
	  "AND b.id > a.id) AS counted FROM answer a WHERE a.learner_id = ?1) " \
	  "GROUP BY at / 86400")                                            \
	STORE_TRANSFER_SQL_LIST(X)

/* Export and import (transfer.c); ?1 is the learner, ?2 the document. */
#define STORE_TRANSFER_SQL_LIST(X)                                          \
	X(SQL_EXPORT, "SELECT json_object("                                 \
	  "'format', 'dockertutor-progress', 'version', 1, "                \
	  "'learner', l.name, "                                             \
	  "'sections', (SELECT json_group_array(json(j)) FROM (SELECT "     \
	  "json_object('lesson', lesson, 'section', section, 'at', at) AS j " \
	  "FROM section_read WHERE learner_id = l.id ORDER BY at, lesson, "  \
	  "section)), "                                                     \
	  "'positions', (SELECT json_group_array(json(j)) FROM (SELECT "    \
	  "json_object('lesson', lesson, 'section', section, 'line', line, " \
	  "'at', at) AS j FROM reading_position WHERE learner_id = l.id "   \
	  "ORDER BY lesson)), "                                             \
	  "'answers', (SELECT json_group_array(json(j)) FROM (SELECT "      \
	  "json_object('bank', b.name, 'question', q.qid, "                 \
	  "'response', a.response, 'correct', a.correct, 'score', a.score, " \
	  "'ms', a.ms, 'at', a.at) AS j FROM answer a "                     \
	  "JOIN question q ON q.id = a.question_id "                        \
	  "JOIN bank b ON b.id = q.bank_id WHERE a.learner_id = l.id "      \
	  "AND a.attempt_id IS NULL ORDER BY a.at, a.id)), "                \
	  "'reviews', (SELECT json_group_array(json(j)) FROM (SELECT "      \
	  "json_object('bank', b.name, 'question', q.qid, "                 \
	  "'stability', r.stability, 'difficulty', r.difficulty, "          \
	  "'due', r.due, 'last_review', r.last_review, 'reps', r.reps, "    \
	  "'lapses', r.lapses, 'state', r.state) AS j FROM review r "       \
	  "JOIN question q ON q.id = r.question_id "                        \
	  "JOIN bank b ON b.id = q.bank_id WHERE r.learner_id = l.id "      \
	  "ORDER BY b.name, q.qid)), "                                      \
	  "'exercises', (SELECT json_group_array(json(j)) FROM (SELECT "    \
	  "json_object('exercise', exercise, 'lesson', lesson, "            \
	  "'passed', passed, 'hints', hints, 'at', at) AS j "               \
	  "FROM exercise_attempt WHERE learner_id = l.id ORDER BY at, id)), " \
	  "'hints', (SELECT json_group_array(json(j)) FROM (SELECT "        \
	  "json_object('exercise', exercise, 'lesson', lesson, "            \
	  "'hints', hints, 'at', at) AS j FROM exercise_hint "              \
	  "WHERE learner_id = l.id ORDER BY exercise)), "                   \
	  "'attempts', (SELECT json_group_array(json(j)) FROM (SELECT "     \
	  "json_object('exam', a.exam, 'title', a.title, 'bank', b.name, "  \
	  "'seed', a.seed, 'presentation', a.presentation, "                \
	  "'pass_mark', a.pass_mark, 'started', a.started, "                \
	  "'deadline', a.deadline, 'finished', a.finished, "                \
	  "'status', a.status, 'score', a.score, 'max_score', a.max_score, " \
	  "'passed', a.passed, "                                            \
	  "'items', (SELECT json_group_array(json(k)) FROM (SELECT "        \
	  "json_object('pos', i.pos, 'question', q.qid, "                   \
	  "'order', i.choice_order, 'domc_extra', i.domc_extra, "           \
	  "'response', i.response, 'correct', i.correct, 'score', i.score, " \
	  "'flagged', i.flagged, 'ms', i.ms, "                              \
	  "'answered_at', i.answered_at) AS k FROM attempt_item i "         \
	  "JOIN question q ON q.id = i.question_id "                        \
	  "WHERE i.attempt_id = a.id ORDER BY i.pos)), "                    \
	  "'log', (SELECT json_group_array(json(k)) FROM (SELECT "          \
	  "json_object('question', q.qid, 'response', x.response, "         \
	  "'correct', x.correct, 'score', x.score, 'ms', x.ms, 'at', x.at) " \
	  "AS k FROM answer x JOIN question q ON q.id = x.question_id "     \
	  "WHERE x.attempt_id = a.id ORDER BY x.at, x.id))) AS j "          \
	  "FROM attempt a JOIN bank b ON b.id = a.bank_id "                 \
	  "WHERE a.learner_id = l.id ORDER BY a.started, a.id))"            \
	  ") FROM learner l WHERE l.id = ?1")                               \
	X(SQL_DOC_HEAD, "SELECT json_valid(?1), CASE WHEN json_valid(?1) "  \
	  "THEN json_extract(?1, '$.format') END, CASE WHEN json_valid(?1) " \
	  "THEN json_extract(?1, '$.version') END")                         \
	/* the first malformed entry of array ?2: its key (NULL when ?2 is  \
	 * not an array) and JSON type */                                   \
	X(SQL_DOC_BAD_ENTRY, "SELECT key, type FROM json_each(?1, ?2) "     \
	  "WHERE " DOC_MISMATCH("type", "value") " ORDER BY id LIMIT 1")     \
	/* the same in the arrays ?5 of the entries of ?2 (an attempt's     \
	 * items and log) */                                                \
	X(SQL_DOC_BAD_NESTED, "SELECT e.key, s.type, s.key "                \
	  "FROM json_each(?1, ?2) e, json_each(e.value, ?5) s "              \
	  "WHERE " DOC_MISMATCH("s.type", "s.value")                        \
	  " ORDER BY e.id, s.id LIMIT 1")                                   \
	/* the first attempt whose items repeat a position */               \
	X(SQL_DOC_DUP_POS, "SELECT e.key, json_extract(s.value, '$.pos') " \
	  "FROM json_each(?1, '$.attempts') e, json_each(e.value, '$.items') s " \
	  "GROUP BY e.key, json_extract(s.value, '$.pos') HAVING count(*) > 1 " \
	  "ORDER BY e.key LIMIT 1")                                         \
	X(SQL_DOC_COUNT, "SELECT coalesce(json_array_length(?1, ?2), 0)")   \
	X(SQL_IMPORT_SECTIONS, "INSERT INTO section_read (learner_id, "     \
	  "lesson, section, at) SELECT ?1, json_extract(value, '$.lesson'), "          \
	  "json_extract(value, '$.section'), json_extract(value, '$.at') "                        \
	  "FROM json_each(?2, '$.sections') WHERE true ON CONFLICT DO NOTHING") \
	X(SQL_IMPORT_POSITIONS, "INSERT INTO reading_position (learner_id, " \
	  "lesson, section, line, at, seq) SELECT ?1, json_extract(value, '$.lesson'), " \
	  "json_extract(value, '$.section'), json_extract(value, '$.line'), json_extract(value, '$.at'), " \
	  "(SELECT coalesce(max(seq), 0) + 1 FROM reading_position "        \
	  "WHERE learner_id = ?1) "                                         \
	  "FROM json_each(?2, '$.positions') WHERE true "                   \
	  "ON CONFLICT (learner_id, lesson) DO UPDATE SET "                 \
	  "section = excluded.section, line = excluded.line, "              \
	  "at = excluded.at, seq = excluded.seq "                           \
	  "WHERE excluded.at > reading_position.at")                        \
	X(SQL_IMPORT_UNKNOWN, "SELECT count(*) FROM json_each(?2, ?3) j "   \
	  "WHERE NOT EXISTS (SELECT 1 FROM question q JOIN bank b "         \
	  "ON b.id = q.bank_id WHERE b.name = json_extract(j.value, '$.bank') "        \
	  "AND q.qid = json_extract(j.value, '$.question')) AND ?1 = ?1")              \
	X(SQL_IMPORT_ANSWERS, "INSERT INTO answer (learner_id, question_id, " \
	  "attempt_id, response, correct, score, ms, at) "                  \
	  "SELECT ?1, q.id, NULL, json_extract(j.value, '$.response'), "               \
	  "json_extract(j.value, '$.correct'), json_extract(j.value, '$.score'), "                \
	  "json_extract(j.value, '$.ms'), json_extract(j.value, '$.at') "                         \
	  "FROM json_each(?2, '$.answers') j JOIN bank b "                  \
	  "ON b.name = json_extract(j.value, '$.bank') JOIN question q "               \
	  "ON q.bank_id = b.id AND q.qid = json_extract(j.value, '$.question') "       \
	  "WHERE NOT EXISTS (SELECT 1 FROM answer a WHERE a.learner_id = ?1 " \
	  "AND a.question_id = q.id AND a.at = json_extract(j.value, '$.at') "         \
	  "AND a.response = json_extract(j.value, '$.response') "                      \
	  "AND a.attempt_id IS NULL)")                                      \
	X(SQL_IMPORT_REVIEWS, "INSERT INTO review (learner_id, question_id, " \
	  "stability, difficulty, due, last_review, reps, lapses, state) "  \
	  "SELECT ?1, q.id, json_extract(j.value, '$.stability'), "                    \
	  "json_extract(j.value, '$.difficulty'), json_extract(j.value, '$.due'), "               \
	  "json_extract(j.value, '$.last_review'), json_extract(j.value, '$.reps'), "             \
	  "json_extract(j.value, '$.lapses'), json_extract(j.value, '$.state') "                  \
	  "FROM json_each(?2, '$.reviews') j JOIN bank b "                  \
	  "ON b.name = json_extract(j.value, '$.bank') JOIN question q "               \
	  "ON q.bank_id = b.id AND q.qid = json_extract(j.value, '$.question') "       \
	  "WHERE true ON CONFLICT (learner_id, question_id) DO UPDATE SET " \
	  "stability = excluded.stability, difficulty = excluded.difficulty, " \
	  "due = excluded.due, last_review = excluded.last_review, "        \
	  "reps = excluded.reps, lapses = excluded.lapses, "                \
	  "state = excluded.state "                                         \
	  "WHERE excluded.last_review > review.last_review")                \
	X(SQL_IMPORT_EXERCISES, "INSERT INTO exercise_attempt (learner_id, " \
	  "exercise, lesson, passed, hints, at) SELECT ?1, "                \
	  "json_extract(j.value, '$.exercise'), json_extract(j.value, '$.lesson'), "              \
	  "json_extract(j.value, '$.passed'), json_extract(j.value, '$.hints'), "                 \
	  "json_extract(j.value, '$.at') FROM json_each(?2, '$.exercises') j "         \
	  "WHERE NOT EXISTS (SELECT 1 FROM exercise_attempt e "             \
	  "WHERE e.learner_id = ?1 AND e.exercise = json_extract(j.value, '$.exercise') " \
	  "AND e.at = json_extract(j.value, '$.at') "                                  \
	  "AND e.passed = json_extract(j.value, '$.passed'))")                         \
	/* the larger count of hints seen wins; none is not a row */        \
	X(SQL_IMPORT_HINTS, "INSERT INTO exercise_hint (learner_id, "       \
	  "exercise, lesson, hints, at) SELECT ?1, "                        \
	  "json_extract(j.value, '$.exercise'), "                           \
	  "json_extract(j.value, '$.lesson'), json_extract(j.value, '$.hints'), " \
	  "json_extract(j.value, '$.at') FROM json_each(?2, '$.hints') j "  \
	  "WHERE json_extract(j.value, '$.hints') > 0 "                     \
	  "ON CONFLICT (learner_id, exercise) DO UPDATE SET "               \
	  "hints = excluded.hints, at = excluded.at "                       \
	  "WHERE excluded.hints > exercise_hint.hints")                     \
	X(SQL_IMPORT_ATTEMPTS, "SELECT j.value, b.id FROM "                 \
	  "json_each(?2, '$.attempts') j LEFT JOIN bank b "                 \
	  "ON b.name = json_extract(j.value, '$.bank') WHERE ?1 = ?1 ORDER BY j.key")  \
	X(SQL_IMPORT_ATTEMPT_DUP, "SELECT count(*) FROM attempt "           \
	  "WHERE learner_id = ?1 AND exam = json_extract(?2, '$.exam') "               \
	  "AND started = json_extract(?2, '$.started') AND seed = json_extract(?2, '$.seed')")    \
	X(SQL_IMPORT_ATTEMPT, "INSERT INTO attempt (learner_id, bank_id, "  \
	  "exam, title, seed, presentation, pass_mark, started, deadline, " \
	  "finished, status, score, max_score, passed) SELECT ?1, ?3, "     \
	  "json_extract(?2, '$.exam'), json_extract(?2, '$.title'), json_extract(?2, '$.seed'), "            \
	  "json_extract(?2, '$.presentation'), json_extract(?2, '$.pass_mark'), "                 \
	  "json_extract(?2, '$.started'), json_extract(?2, '$.deadline'), json_extract(?2, '$.finished'), "  \
	  "json_extract(?2, '$.status'), json_extract(?2, '$.score'), json_extract(?2, '$.max_score'), "     \
	  "json_extract(?2, '$.passed')")                                              \
	X(SQL_IMPORT_ITEMS, "INSERT INTO attempt_item (attempt_id, pos, "   \
	  "question_id, choice_order, domc_extra, response, correct, score, " \
	  "flagged, ms, answered_at) SELECT ?1, json_extract(j.value, '$.pos'), q.id, " \
	  "json_extract(j.value, '$.order'), json_extract(j.value, '$.domc_extra'), "             \
	  "json_extract(j.value, '$.response'), json_extract(j.value, '$.correct'), "             \
	  "json_extract(j.value, '$.score'), json_extract(j.value, '$.flagged'), "                \
	  "json_extract(j.value, '$.ms'), json_extract(j.value, '$.answered_at') "                \
	  "FROM json_each(?2, '$.items') j JOIN question q "                \
	  "ON q.bank_id = ?3 AND q.qid = json_extract(j.value, '$.question')")         \
	X(SQL_IMPORT_LOG, "INSERT INTO answer (learner_id, question_id, "   \
	  "attempt_id, response, correct, score, ms, at) "                  \
	  "SELECT ?4, q.id, ?1, json_extract(j.value, '$.response'), "                 \
	  "json_extract(j.value, '$.correct'), json_extract(j.value, '$.score'), "                \
	  "json_extract(j.value, '$.ms'), json_extract(j.value, '$.at') "                         \
	  "FROM json_each(?2, '$.log') j JOIN question q "                  \
	  "ON q.bank_id = ?3 AND q.qid = json_extract(j.value, '$.question')")

enum store_sql {
#define STORE_SQL_ENUM(id, text) id,
	STORE_SQL_LIST(STORE_SQL_ENUM)
#undef STORE_SQL_ENUM
	SQL_COUNT
};

struct store {
	sqlite3 *db;
	char *path;                     /* owned */
	sqlite3_stmt *stmts[SQL_COUNT]; /* prepared on first use */
	uint64_t busy_since_ms;         /* when the current wait began */
	uint64_t jitter;                /* per-connection randomness for the
	                                   busy handler's waits */
	bool in_tx;                     /* between store_begin and store_end */
};

/* Fills err from SQLite's state after rc (naming the file) and returns the
 * status: BUSY and LOCKED are DT_ERR_BUSY, FULL, READONLY, IOERR and
 * CANTOPEN are DT_ERR_IO, CORRUPT and NOTADB are DT_ERR_DB with "the file
 * is corrupted", NOMEM is DT_ERR_NOMEM.  what says what was being done. */
enum dt_status store_fail(struct store *s, int rc, const char *what,
                          struct dt_error *err);

/* Prepares (once) and resets statement id, then binds its parameters from
 * fmt: 'i' int64_t, 'd' double, 't' const char * (NULL binds NULL), 'b'
 * bool (int).  NULL on failure (err filled).  The statement stays owned by
 * the cache. */
sqlite3_stmt *store_prepare(struct store *s, enum store_sql id,
                            struct dt_error *err, const char *fmt, ...);
/* Steps: DT_OK with *row true for a row, false once done (the statement is
 * then reset, releasing its read lock). */
enum dt_status store_step(struct store *s, sqlite3_stmt *st, bool *row,
                          struct dt_error *err);
/* Prepares, binds and steps statement id to completion. */
enum dt_status store_run(struct store *s, enum store_sql id,
                         struct dt_error *err, const char *fmt, ...);
/* Runs a one-row, one-integer query (PRAGMA user_version, count(*)). */
enum dt_status store_int(struct store *s, enum store_sql id, int64_t *out,
                         struct dt_error *err, const char *fmt, ...);

/* Transactions: BEGIN IMMEDIATE (retried while other writers hold the
 * database), COMMIT, ROLLBACK.  store_end commits when rc is DT_OK and
 * rolls back otherwise, returning the final status.  Invariant: outside
 * them the connection holds no transaction; one left open by a rollback
 * that failed (out of memory) is rolled back before the next statement
 * runs, so nothing ever reads or commits half an operation. */
enum dt_status store_begin(struct store *s, struct dt_error *err);
enum dt_status store_end(struct store *s, enum dt_status rc,
                         struct dt_error *err);

/* Copies column col as text into arena, at most STORE_MAX_TEXT bytes
 * (longer text is cut at a UTF-8 boundary); NULL for SQL NULL or when out
 * of memory (*oom set). */
const char *store_col_text(sqlite3_stmt *st, int col, struct dt_arena *arena,
                           bool *oom);

/* The row id of a question by bank and content id: DT_ERR_NOTFOUND names
 * it. */
enum dt_status store_question_row(struct store *s, int64_t bank,
                                  const char *qid, int64_t *row,
                                  struct dt_error *err);

/* Reads every row of st (prepared by store_prepare; NULL when that failed)
 * into a new array in arena: fn fills one item of `size` bytes from the
 * current row, setting *oom when a copy fails. */
typedef void store_row_fn(sqlite3_stmt *st, void *item, struct dt_arena *arena,
                          bool *oom);
enum dt_status store_collect(struct store *s, sqlite3_stmt *st,
                             struct dt_arena *arena, size_t size,
                             store_row_fn *fn, void *out, size_t *n,
                             struct dt_error *err);
/* A row_fn for lists of one text column: item is a const char *. */
store_row_fn store_text_row;

/* A growable array in an arena (lists returned to callers). */
void *store_grow(struct dt_arena *arena, void *items, size_t n, size_t *cap,
                 size_t size);

/* Schema migrations (migrate.c): brings the database from version `from`
 * to STORE_SCHEMA_VERSION, one transaction per migration. */
enum dt_status store_migrate(struct store *s, int64_t from,
                             struct dt_error *err);

/* Routes SQLite's allocations through dt_malloc (so fault injection reaches
 * them); called before the first connection opens. */
void store_mem_init(void);

#endif
