/* Private to src/course/: the YAML node tree every content file is read
 * into, the load context that carries diagnostics and arenas through the
 * readers, and the table-driven schema reader they all share. */
#ifndef DT_COURSE_INT_H
#define DT_COURSE_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "dockertutor/course.h"

/* ---- The node tree (yaml.c, source.c) -------------------------------- */

enum ynode_kind { YNODE_SCALAR, YNODE_SEQ, YNODE_MAP };

enum ynode_style {
	YSTYLE_PLAIN,
	YSTYLE_SINGLE,        /* 'quoted' */
	YSTYLE_DOUBLE,        /* "quoted", escapes allowed */
	YSTYLE_LITERAL,       /* | */
	YSTYLE_FOLDED,        /* > */
	YSTYLE_COLLECTION,
};

/* A node.  Aliases are not copied: an alias is the anchored node itself,
 * shared, so the tree is a DAG whose expanded size is bounded by the alias
 * budget.  A mapping's items are key, value, key, value...; the first
 * n_own pairs were written in it, the rest came from merge keys (<<) and
 * give way to written keys. */
struct ynode {
	enum ynode_kind kind;
	enum ynode_style style;
	bool str_tag;                   /* !!str: never a number or boolean */
	int line, col;                  /* start, 1-based */
	int end_line, end_col;          /* scalars: one past the end, 1-based */
	const char *str;                /* scalars: text, NUL-terminated */
	size_t len;
	struct ynode **items;
	size_t n;                       /* items, or pairs for a mapping */
	size_t n_own;
	uint32_t weight;                /* nodes once expanded, saturating */
};

/* One parsed file.  Owns its node arena and its line table (dt_malloc);
 * data is borrowed from the caller and must outlive the doc. */
struct ydoc {
	const char *path;               /* for messages */
	const char *data;
	size_t len;
	size_t *lines;                  /* byte offset of each line's start */
	size_t n_lines;
	struct ynode *root;             /* NULL for an empty document */
	struct dt_arena arena;
};

/* Parses data into doc: the raw checks (UTF-8, control characters), then
 * libyaml events into nodes under the caps of course.h.  A problem is added
 * to diags and returns DT_ERR_SYNTAX, DT_ERR_ENCODING or DT_ERR_LIMIT (the
 * doc is then unusable); DT_ERR_NOMEM when out of memory. */
enum dt_status ydoc_parse(struct ydoc *doc, const char *path,
                          const char *data, size_t len,
                          struct course_diags *diags);
void ydoc_fini(struct ydoc *doc);

/* Source positions (source.c). */
/* Builds the line table and reports the first invalid UTF-8 byte and the
 * control characters; false when the file may not be parsed. */
enum dt_status source_scan(struct ydoc *doc, struct course_diags *diags);
/* Line and column (1-based) of byte offset off. */
void source_linecol(const struct ydoc *doc, size_t off, int *line, int *col);
/* Byte offset of 1-based line and column. */
size_t source_offset(const struct ydoc *doc, int line, int col);
/* Position in the file of byte off of a scalar's text: exact for block,
 * plain and quoted scalars (escapes included), so a problem inside a
 * `|` body points at the real line. */
void source_scalar_pos(const struct ydoc *doc, const struct ynode *node,
                       size_t off, int *line, int *col);

/* True for the plain scalars YAML reads as null: "", "~", "null". */
bool ynode_is_null(const struct ynode *node);

/* ---- The load context ------------------------------------------------ */

/* A reference to check once every file is read. */
enum ref_kind {
	REF_QUESTION,         /* question -> lesson (and section) */
	REF_LESSON_EXERCISE,  /* lesson -> exercise */
	REF_EXERCISE_LESSON,  /* exercise -> lesson */
};

struct ref {
	enum ref_kind kind;
	void *from;                     /* question, lesson or exercise */
	const char *id;                 /* the id referred to */
	struct course_pos pos;          /* where it is written */
	const char *section;            /* REF_QUESTION */
	struct course_pos section_pos;
};

/* A file named by another file (lessons, exams, question banks). */
struct file_ref {
	const char *rel;                /* normalised, relative to the root */
	struct course_pos pos;          /* where it is named */
	bool loaded;
};

struct load {
	struct dt_arena *arena;         /* results live here */
	struct dt_arena scratch;        /* freed when loading ends */
	struct course_diags *diags;
	const char *root;               /* content folder; NULL: one file on
	                                   its own, no file system checks */
	/* The file being read. */
	struct ydoc *doc;
	const char *file;               /* display path, in arena */
	const char *rel_dir;            /* its folder relative to root */
	size_t file_diags;              /* problems reported in it */
	bool stop;                      /* too many: stop reading the file */
	bool nomem;
	/* Collected while reading, checked at the end. */
	struct ref *refs;
	size_t n_refs, cap_refs;
	struct file_ref *lesson_files, *exam_files, *bank_files;
	size_t n_lesson_files, n_exam_files, n_bank_files;
	size_t cap_lesson_files, cap_exam_files, cap_bank_files;
	uint64_t hash;                  /* FNV-1a over every file read */
	size_t n_files;
};

void load_init(struct load *ld, struct dt_arena *arena,
               struct course_diags *diags, const char *root);
void load_fini(struct load *ld);
/* Starts reading a file; file is copied into ld->arena. */
bool load_begin_file(struct load *ld, struct ydoc *doc, const char *file,
                     const char *rel_dir);

/* Diagnostics at a node (NULL: the whole file) or a position. */
void load_error(struct load *ld, const struct ynode *at, const char *fmt,
                ...) __attribute__((format(printf, 3, 4)));
void load_warn(struct load *ld, const struct ynode *at, const char *fmt,
               ...) __attribute__((format(printf, 3, 4)));
void load_diag_at(struct load *ld, enum course_severity sev, const char *file,
                  int line, int col, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));
/* The position of a node in the current file. */
struct course_pos load_pos(const struct load *ld, const struct ynode *node);
bool load_add_ref(struct load *ld, const struct ref *ref);
/* Arena allocation that records a failure in ld->nomem. */
void *load_alloc(struct load *ld, size_t size);
const char *load_strdup(struct load *ld, const char *s, size_t n);

/* Writes a short, printable rendering of a node for messages: 'text' (cut
 * at 40 characters), nothing, a list or a mapping. */
const char *load_describe(const struct ynode *node, char *buf, size_t size);
/* The closest name to s in names (NULL-terminated) within a small edit
 * distance; NULL when none is close. */
const char *load_suggest(const char *s, const char *const *names);

/* Paths: joins rel_dir and path and normalises the result ("." and ".."
 * resolved) into out.  Returns NULL on success, else a message. */
const char *load_path_join(const char *rel_dir, const char *path, char *out,
                           size_t size);
/* root/rel for messages and file access, in ld->arena. */
const char *load_display_path(struct load *ld, const char *rel);

/* ---- Schema tables (schema.c) ---------------------------------------- */

enum ftype {
	F_ID,         /* const char *: an id */
	F_STR,        /* const char *: one line of text */
	F_TEXT,       /* const char *: markdown-lite */
	F_INT,        /* int within min..max */
	F_BOOL,       /* bool */
	F_ENUM,       /* an enum (int-sized), one of names */
	F_IDS,        /* const char ** and size_t count: ids */
	F_STRS,       /* lists of one-line strings */
	F_TEXTS,      /* lists of markdown-lite */
	F_PATH,       /* const char *: relative path, normalised */
	F_PATHS,      /* list of paths */
	F_CUSTOM,     /* read by a function */
};

#define F_REQUIRED 1u

struct load_field;
typedef void field_reader(struct load *ld, const struct ynode *key,
                          const struct ynode *val, void *obj);

struct load_field {
	const char *key;
	enum ftype type;
	unsigned flags;
	size_t off;                     /* the value in the object */
	size_t off_n;                   /* lists: the count */
	int min, max;                   /* ints: range; lists: length (max 0:
	                                   no limit) */
	const char *const *names;       /* F_ENUM, NULL-terminated */
	field_reader *read;             /* F_CUSTOM */
};

struct load_schema {
	const char *what;               /* "lesson", "question", ... */
	const struct load_field *fields;
	size_t n;
};

/* Where each field was written: the key and value nodes, NULL when absent;
 * indexed like schema->fields. */
struct load_seen {
	const struct ynode *key[24];
	const struct ynode *val[24];
};

/* Reads a mapping into obj by the schema: unknown keys (with a
 * suggestion), duplicates, types and required keys are reported.  False
 * when node is not a mapping. */
bool load_object(struct load *ld, const struct ynode *node,
                 const struct load_schema *schema, void *obj,
                 struct load_seen *seen);

/* Scalar readers for custom fields; each reports its own problem and
 * returns false on one. */
bool load_scalar(struct load *ld, const char *key, const struct ynode *val,
                 const char *expected);
bool load_int(struct load *ld, const char *key, const struct ynode *val,
              long long min, long long max, long long *out);
bool load_id(struct load *ld, const char *key, const struct ynode *val,
             const char **out);
bool load_string(struct load *ld, const char *key, const struct ynode *val,
                 bool text, const char **out);
/* A list of strings read with one of the F_ list types. */
bool load_list(struct load *ld, const char *key, const struct ynode *val,
               enum ftype type, const char ***out, size_t *n);
bool load_is_id(const char *s);
/* Checks that val is a list (or nothing) of min..max items (max 0: no
 * limit); reports and returns false otherwise. */
bool load_count(struct load *ld, const char *key, const struct ynode *val,
                int min, int max);
/* The markdown-lite checks of one text value: unclosed fences, unknown
 * code languages. */
void load_check_text(struct load *ld, const struct ynode *val,
                     const char *text);

/* ---- Readers (one per kind of file) ---------------------------------- */

bool course_read_course(struct load *ld, const struct ynode *root,
                        struct course *course);
bool course_read_lesson(struct load *ld, const struct ynode *root,
                        struct course_lesson *lesson);
bool course_read_questions(struct load *ld, const struct ynode *root,
                           struct course_question **out, size_t *n);
bool course_read_exercise(struct load *ld, const struct ynode *root,
                          struct course_exercise *ex);
bool course_read_blueprint(struct load *ld, const struct ynode *root,
                           struct course_blueprint *bp);
/* Checks draws against the questions of a loaded course. */
void course_check_blueprint(struct load *ld, const struct course *course,
                            const struct course_blueprint *bp);
/* Every check across files once all are read (validate.c): ids, numbers,
 * references, the question order, draws, warnings, the lookup index.
 * banks[i] holds bank_n[i] questions of the i-th question file. */
void course_check_course(struct load *ld, struct course *course,
                         struct course_question **banks, size_t *bank_n,
                         size_t n_banks);

/* ---- ASCII classes (gift.c, aiken.c) ---------------------------------- */

/* The readers of GIFT and Aiken files must give the same questions and ids
 * whatever the locale (the terminal UI sets one), so they classify bytes
 * as ASCII, never with <ctype.h>: a byte >= 0x80 is no blank or letter. */
static inline bool ascii_space(char c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');
}

static inline bool ascii_alnum(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	       (c >= 'A' && c <= 'Z');
}

static inline char ascii_lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

/* ---- A string map (idmap.c) ------------------------------------------ */

/* Open addressing, keys borrowed.  Lives in an arena. */
struct idmap {
	const char **keys;
	const void **vals;
	size_t cap, n;
};

bool idmap_init(struct idmap *map, struct dt_arena *arena, size_t expect);
/* The value stored under key, or NULL. */
const void *idmap_get(const struct idmap *map, const char *key);
/* Adds key unless present; returns the earlier value when present, NULL
 * when added.  The map never grows past the expect given to init, times
 * two; a full map refuses (returns the key itself). */
const void *idmap_put(struct idmap *map, const char *key, const void *val);
/* FNV-1a of data, continuing from h (0 to start): the content hash. */
uint64_t course_hash_bytes(uint64_t h, const void *data, size_t n);
/* A well-mixed hash of a string, for tables. */
uint64_t course_hash_str(const char *s);

#endif
