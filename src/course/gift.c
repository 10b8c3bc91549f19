/* Moodle GIFT question banks, both ways.
 *
 * Design: the file is cut into items at blank lines (comment lines dropped,
 * each kept line remembering its number), then each item is split into
 * title, text and the answer block between unescaped braces.  The answer
 * block decides the type: {T}/{F} true/false, only '=' answers a short
 * answer (fill), '=' with '~' a single answer, weighted '~%50%' answers a
 * multiple answer.  What dockertutor cannot represent (matching, numerical,
 * essay, descriptions, partial credit on short answers, HTML text) is an
 * error naming its line, never silently dropped. */
#include <string.h>

#include "course_int.h"

#define GIFT_MAX_ANSWERS 16

/* One item: its text with comment lines removed, and for each kept line
 * its offset in the text and its number in the file. */
struct item {
	struct dt_buf text;
	size_t line_off[256];
	int line_no[256];
	size_t n_lines;
	bool too_long;
};

struct gift {
	struct course_bank *bank;
	struct course_diags *diags;
	const char *path;
	const char *category;       /* last part of $CATEGORY, arena */
	size_t cap;
	enum dt_status status;
	unsigned n_items;
};

struct answer {
	char marker;                /* '=' or '~' */
	bool weighted;
	double weight;
	const char *text;           /* arena, unescaped */
	const char *feedback;       /* arena or NULL */
	size_t off;                 /* in the item, for positions */
};

static int item_line(const struct item *it, size_t off)
{
	size_t i;

	for (i = it->n_lines; i > 0; i--)
		if (it->line_off[i - 1] <= off)
			return it->line_no[i - 1];
	return it->n_lines ? it->line_no[0] : 0;
}

static int item_col(const struct item *it, size_t off)
{
	size_t i;

	for (i = it->n_lines; i > 0; i--)
		if (it->line_off[i - 1] <= off)
			return (int)(off - it->line_off[i - 1]) + 1;
	return 1;
}

static void fail(struct gift *g, const struct item *it, size_t off,
                 const char *msg)
{
	if (!course_diag_add(g->diags, COURSE_ERROR, g->path, item_line(it, off),
	                     item_col(it, off), "%s", msg))
		g->status = DT_ERR_NOMEM;
	else if (g->status == DT_OK)
		g->status = DT_ERR_INVALID;
}

static void warn(struct gift *g, const struct item *it, size_t off,
                 const char *msg)
{
	if (!course_diag_add(g->diags, COURSE_WARNING, g->path,
	                     item_line(it, off), item_col(it, off), "%s", msg))
		g->status = DT_ERR_NOMEM;
}

/* Index of the first unescaped c in s[from..n), or n. */
static size_t find_unescaped(const char *s, size_t from, size_t n, char c)
{
	size_t i;

	for (i = from; i < n; i++) {
		if (s[i] == '\\' && i + 1 < n)
			i++;
		else if (s[i] == c)
			return i;
	}
	return n;
}

/* Copies s[0..n) into the arena with GIFT escapes resolved and surrounding
 * white space trimmed. */
static const char *unescape(struct gift *g, const char *s, size_t n)
{
	char *out, *p;
	size_t i;

	while (n && ascii_space(*s))
		s++, n--;
	while (n && ascii_space(s[n - 1]) &&
	       !(n >= 2 && s[n - 2] == '\\'))
		n--;
	out = dt_arena_alloc(&g->bank->arena, n + 1);
	if (!out) {
		g->status = DT_ERR_NOMEM;
		return NULL;
	}
	for (p = out, i = 0; i < n; i++) {
		if (s[i] == '\\' && i + 1 < n) {
			i++;
			*p++ = s[i] == 'n' ? '\n' : s[i];
		} else {
			*p++ = s[i];
		}
	}
	*p = '\0';
	return out;
}

/* A lower-case id made of [a-z0-9-] from any text; NULL when nothing is
 * left of it, or when out of memory (g->status says which). */
static const char *slug(struct gift *g, const char *s)
{
	char buf[COURSE_MAX_ID + 1];
	const char *out;
	size_t n = 0;
	bool dash = false;

	for (; *s && n < COURSE_MAX_ID; s++) {
		if (ascii_alnum(*s)) {
			if (dash && n)
				buf[n++] = '-';
			if (n < COURSE_MAX_ID)
				buf[n++] = ascii_lower(*s);
			dash = false;
		} else {
			dash = true;
		}
	}
	if (n == 0)
		return NULL;
	buf[n] = '\0';
	out = dt_arena_strdup(&g->bank->arena, buf);
	if (!out)
		g->status = DT_ERR_NOMEM;
	return out;
}

static struct course_question *new_question(struct gift *g)
{
	struct course_bank *b = g->bank;
	struct course_question *q;

	if (b->n_questions >= COURSE_MAX_BANK_QUESTIONS) {
		g->status = DT_ERR_LIMIT;
		return NULL;
	}
	if (b->n_questions == g->cap) {
		size_t cap = g->cap ? g->cap * 2 : 32;
		struct course_question *p = dt_arena_alloc(&b->arena, cap * sizeof *p);

		if (!p) {
			g->status = DT_ERR_NOMEM;
			return NULL;
		}
		if (b->n_questions)
			memcpy(p, b->questions, b->n_questions * sizeof *p);
		b->questions = p;
		g->cap = cap;
	}
	q = &b->questions[b->n_questions];
	memset(q, 0, sizeof *q);
	q->difficulty = 2;
	return q;
}

/* A weight as Moodle writes one: a sign, digits and a decimal fraction.
 * Not strtod, which takes "nan", "inf" and hex, and reads the decimal
 * point of the locale. */
static bool parse_weight(const char *s, double *out)
{
	double v = 0, scale = 1;
	bool neg = *s == '-', digits = false;

	if (*s == '-' || *s == '+')
		s++;
	for (; *s >= '0' && *s <= '9'; s++, digits = true)
		v = v * 10 + (*s - '0');
	if (*s == '.')
		for (s++; *s >= '0' && *s <= '9'; s++, digits = true)
			v += (*s - '0') * (scale /= 10);
	if (!digits || *s)
		return false;
	*out = neg ? -v : v;
	return true;
}

static bool is_general(const char *s, size_t i, size_t n)
{
	return s[i] == '#' && i + 3 < n && memcmp(s + i, "####", 4) == 0;
}

/* The end of the answer whose text starts at s[start]: the next unescaped
 * '=', '~' or "####", or n.  n + 1 after reporting a matching question's
 * arrow. */
static size_t answer_end(struct gift *g, const struct item *it, size_t base,
                         const char *s, size_t start, size_t n)
{
	size_t end;

	for (end = start; end < n; end++) {
		if (s[end] == '\\' && end + 1 < n) {
			end++;
			continue;
		}
		if (s[end] == '=' || s[end] == '~' || is_general(s, end, n))
			break;
		if (s[end] == '-' && end + 1 < n && s[end + 1] == '>') {
			fail(g, it, base + end, "matching questions ('->') are not supported");
			return n + 1;
		}
	}
	return end;
}

/* "%50%" at s[*start]: a's weight, and *start moves past it. */
static bool read_weight(struct gift *g, const struct item *it, size_t base,
                        const char *s, size_t *start, size_t end,
                        struct answer *a)
{
	size_t close = find_unescaped(s, *start + 1, end, '%');
	char num[32];

	if (close >= end || close - *start - 1 >= sizeof num) {
		fail(g, it, base + *start, "an answer weight must look like %50%");
		return false;
	}
	memcpy(num, s + *start + 1, close - *start - 1);
	num[close - *start - 1] = '\0';
	if (!parse_weight(num, &a->weight) || a->weight < -100 ||
	    a->weight > 100) {
		fail(g, it, base + *start, "an answer weight must be a number from -100 to 100");
		return false;
	}
	a->weighted = true;
	*start = close + 1;
	return true;
}

/* One answer, its marker at s[*i]: weight, text and feedback into a; *i
 * moves to its end.  False after reporting a problem (or out of memory). */
static bool read_answer(struct gift *g, const struct item *it, size_t base,
                        const char *s, size_t n, size_t *i, struct answer *a)
{
	size_t start = *i + 1, end = answer_end(g, it, base, s, start, n), hash;

	memset(a, 0, sizeof *a);
	a->marker = s[*i];
	a->off = base + *i;
	if (end > n)
		return false;
	if (start < end && s[start] == '%' &&
	    !read_weight(g, it, base, s, &start, end, a))
		return false;
	hash = find_unescaped(s, start, end, '#');
	a->text = unescape(g, s + start, hash - start);
	if (hash < end)
		a->feedback = unescape(g, s + hash + 1, end - hash - 1);
	if (!a->text || g->status == DT_ERR_NOMEM)
		return false;
	if (!a->text[0]) {
		fail(g, it, a->off, "an answer has no text");
		return false;
	}
	*i = end;
	return true;
}

/* Splits the answer block s[0..n) (at offset base in the item) into
 * answers and the general feedback; returns how many answers, or -1 after
 * reporting an unsupported construct. */
static int split_answers(struct gift *g, const struct item *it, size_t base,
                         const char *s, size_t n, struct answer *out,
                         const char **general)
{
	size_t i = 0;
	int count = 0;

	*general = NULL;
	for (;;) {
		while (i < n && ascii_space(s[i]))
			i++;
		if (i >= n)
			return count;
		if (is_general(s, i, n)) {
			*general = unescape(g, s + i + 4, n - i - 4);
			return count;
		}
		if (s[i] != '=' && s[i] != '~') {
			fail(g, it, base + i, "expected an answer starting with '=' or '~'");
			return -1;
		}
		if (count == GIFT_MAX_ANSWERS) {
			fail(g, it, base + i, "more than 16 answers in one question");
			return -1;
		}
		if (!read_answer(g, it, base, s, n, &i, &out[count++]))
			return -1;
	}
}

static bool truefalse(struct gift *g, struct course_question *q,
                      const char *s, size_t n)
{
	static const char *const words[] = {"TRUE", "T", "FALSE", "F"};
	size_t i, w;

	for (i = 0; i < 4; i++) {
		w = strlen(words[i]);
		if (n >= w && dt_strncasecmp(s, words[i], w) == 0 &&
		    (n == w || s[w] == '#' || ascii_space(s[w]))) {
			size_t gen;

			q->type = COURSE_Q_TRUEFALSE;
			q->answer = i < 2;
			gen = n;
			for (gen = w; gen + 3 < n; gen++)
				if (memcmp(s + gen, "####", 4) == 0)
					break;
			if (gen + 3 < n)
				q->explanation = unescape(g, s + gen + 4, n - gen - 4);
			return true;
		}
	}
	return false;
}

static void choices_question(struct gift *g, const struct item *it,
                             struct course_question *q,
                             const struct answer *a, int n)
{
	int i, n_correct = 0;
	bool weighted = false, has_tilde = false;
	double sum = 0;

	for (i = 0; i < n; i++) {
		weighted |= a[i].weighted;
		has_tilde |= a[i].marker == '~';
	}
	if (!has_tilde) {
		/* Only '=' answers: a short answer. */
		q->type = COURSE_Q_FILL;
		q->answers = dt_arena_alloc(&g->bank->arena, (size_t)n * sizeof *q->answers);
		if (!q->answers) {
			g->status = DT_ERR_NOMEM;
			return;
		}
		for (i = 0; i < n; i++) {
			if (a[i].weighted && a[i].weight < 100) {
				fail(g, it, a[i].off, "partial credit on short answers is not supported");
				return;
			}
			q->answers[i] = a[i].text;
		}
		q->n_answers = (size_t)n;
		return;
	}
	q->choices = dt_arena_alloc(&g->bank->arena, (size_t)n * sizeof *q->choices);
	if (!q->choices) {
		g->status = DT_ERR_NOMEM;
		return;
	}
	for (i = 0; i < n; i++) {
		bool correct = a[i].marker == '=' || (a[i].weighted && a[i].weight > 0);

		q->choices[i].text = a[i].text;
		q->choices[i].why = a[i].feedback;
		q->choices[i].correct = correct;
		n_correct += correct;
		if (correct)
			sum += a[i].marker == '=' && !a[i].weighted ? 100 : a[i].weight;
	}
	q->n_choices = (size_t)n;
	q->type = weighted ? COURSE_Q_MULTIPLE : COURSE_Q_SINGLE;
	if (n < 2)
		fail(g, it, a[0].off, "a multiple choice question needs at least two answers");
	else if (n_correct == 0)
		fail(g, it, a[0].off, "no answer is marked correct ('=' or a positive weight)");
	else if (!weighted && n_correct > 1)
		fail(g, it, a[0].off, "more than one '=' answer: use weights (~%50%) for several correct answers");
	else if (weighted && (sum < 99.0 || sum > 101.0))
		warn(g, it, a[0].off, "the positive weights do not add up to 100%");
}

/* "::title::" at the start of an item: *title (unescaped; NULL when
 * there is none) and *i past it.  False after reporting a title that is
 * never closed. */
static bool read_title(struct gift *g, const struct item *it, size_t *i,
                       const char **title)
{
	const char *s = it->text.data;
	size_t n = it->text.len, end;

	*title = NULL;
	if (n < 2 || s[0] != ':' || s[1] != ':')
		return true;
	for (end = 2; end + 1 < n && !(s[end] == ':' && s[end + 1] == ':' &&
	                               s[end - 1] != '\\'); end++)
		;
	if (end + 1 >= n) {
		fail(g, it, 0, "the question title is not closed with '::'");
		return false;
	}
	*title = unescape(g, s + 2, end - 2);
	*i = end + 2;
	return true;
}

/* The text format before the question text: [markdown], [plain] and
 * [moodle] are skipped (*i moves past them), [html] is refused. */
static bool skip_format(struct gift *g, const struct item *it, size_t *i)
{
	static const char *const formats[] = { "[markdown]", "[plain]",
	                                       "[moodle]" };
	const char *s = it->text.data;
	size_t k;

	while (*i < it->text.len && ascii_space(s[*i]))
		(*i)++;
	if (*i == it->text.len || s[*i] != '[')
		return true;
	if (dt_strncasecmp(s + *i, "[html]", 6) == 0) {
		fail(g, it, *i, "HTML question text is not supported; use [markdown] or [plain]");
		return false;
	}
	for (k = 0; k < sizeof formats / sizeof *formats; k++)
		if (dt_strncasecmp(s + *i, formats[k], strlen(formats[k])) == 0) {
			*i += strlen(formats[k]);
			break;
		}
	return true;
}

/* The answer block between the braces at open and close decides the
 * type and fills q.  False after reporting what it cannot represent. */
static bool read_answers(struct gift *g, const struct item *it, size_t open,
                         size_t close, struct course_question *q)
{
	struct answer answers[GIFT_MAX_ANSWERS];
	const char *s = it->text.data, *general;
	size_t a = open + 1;
	int count;

	while (a < close && ascii_space(s[a]))
		a++;
	if (a == close) {
		fail(g, it, open, "essay questions ('{}') are not supported");
		return false;
	}
	if (s[a] == '#') {
		fail(g, it, a, "numerical questions ('{#...}') are not supported");
		return false;
	}
	if (truefalse(g, q, s + a, close - a))
		return true;
	count = split_answers(g, it, a, s + a, close - a, answers, &general);
	if (count <= 0) {
		if (count == 0)
			fail(g, it, open, "the answer block has no answers");
		return false;
	}
	q->explanation = general;
	choices_question(g, it, q, answers, count);
	return true;
}

/* The question text: the text before the answer block, and the text after
 * it when there is any, which makes a missing-word question ("___" marks
 * the gap).  Unescaped in the arena; NULL when out of memory. */
static const char *read_stem(struct gift *g, const struct item *it,
                             size_t i, size_t open, size_t close)
{
	const char *s = it->text.data, *stem;
	size_t n = it->text.len, k;
	struct dt_buf b;

	dt_buf_init(&b);
	dt_buf_append(&b, s + i, open - i);
	for (k = close + 1; k < n && ascii_space(s[k]); k++)
		;
	if (k < n) {
		while (b.len && b.data[b.len - 1] == ' ')
			b.data[--b.len] = '\0';
		dt_buf_puts(&b, " ___ ");
		dt_buf_append(&b, s + k, n - k);
	}
	stem = b.failed ? NULL : unescape(g, b.data ? b.data : "", b.len);
	dt_buf_fini(&b);
	if (!stem)
		g->status = DT_ERR_NOMEM;
	return stem;
}

/* The question's id: its title made an id, else FILE-N for the N-th item;
 * NULL only when out of memory (the item number always leaves a digit). */
static const char *make_id(struct gift *g, const char *title)
{
	char id[COURSE_MAX_ID + 1];
	const char *base = strrchr(g->path, '/'), *slugged;

	slugged = title ? slug(g, title) : NULL;
	if (slugged || g->status == DT_ERR_NOMEM)
		return slugged;
	base = base ? base + 1 : g->path;
	if (!dt_snprintf(id, sizeof id, "%.40s-%u", base, g->n_items))
		id[0] = '\0';
	return slug(g, id);
}

/* Parses one question item: [::title::] [format] text {answers} [text]. */
static void question(struct gift *g, struct item *it)
{
	const char *s = it->text.data, *title;
	size_t n = it->text.len, i = 0, open, close;
	struct course_question *q;

	g->n_items++;
	if (!read_title(g, it, &i, &title) || !skip_format(g, it, &i))
		return;
	open = find_unescaped(s, i, n, '{');
	if (open == n) {
		fail(g, it, i, "description items (text without an answer block) are not supported");
		return;
	}
	close = find_unescaped(s, open + 1, n, '}');
	if (close == n) {
		fail(g, it, open, "the answer block '{' is not closed");
		return;
	}
	q = new_question(g);
	if (!q || !read_answers(g, it, open, close, q))
		return;
	q->pos.file = g->path;
	q->pos.line = item_line(it, 0);
	q->pos.col = 1;
	q->stem = read_stem(g, it, i, open, close);
	if (!q->stem)
		return;
	if (!q->stem[0])
		fail(g, it, i, "the question has no text");
	q->id = make_id(g, title);
	if (!q->id || g->status == DT_ERR_NOMEM)
		return;
	q->lesson_id = g->category;
	g->bank->n_questions++;
}

static void category(struct gift *g, struct item *it)
{
	const char *s = it->text.data + strlen("$CATEGORY:");
	const char *last = strrchr(s, '/');

	g->category = slug(g, last ? last + 1 : s);
	(void)it;
}

/* Adds one physical line to the item under construction. */
static void item_add(struct item *it, const char *s, size_t n, int line_no)
{
	if (it->n_lines == sizeof it->line_no / sizeof *it->line_no) {
		it->too_long = true;
		return;
	}
	if (it->text.len)
		dt_buf_putc(&it->text, '\n');
	it->line_off[it->n_lines] = it->text.len;
	it->line_no[it->n_lines] = line_no;
	it->n_lines++;
	dt_buf_append(&it->text, s, n);
}

static void item_flush(struct gift *g, struct item *it)
{
	if (it->text.failed)
		g->status = DT_ERR_NOMEM;
	else if (it->too_long)
		fail(g, it, 0, "a question is longer than 256 lines");
	else if (it->n_lines && dt_strncasecmp(it->text.data, "$CATEGORY:", 10) == 0)
		category(g, it);
	else if (it->n_lines)
		question(g, it);
	dt_buf_reset(&it->text);
	it->n_lines = 0;
	it->too_long = false;
}

enum dt_status course_gift_parse(struct course_bank *bank, const char *data,
                                 size_t len, struct course_diags *diags)
{
	struct gift g = {bank, diags, bank->path ? bank->path : "<gift>", NULL,
	                 0, DT_OK, 0};
	struct item *it = dt_calloc(1, sizeof *it);
	size_t i = 0;
	int line_no = 0;

	if (!it)
		return DT_ERR_NOMEM;
	dt_buf_init(&it->text);
	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	while (i < len && g.status != DT_ERR_NOMEM && g.status != DT_ERR_LIMIT) {
		const char *nl = memchr(data + i, '\n', len - i);
		size_t end = nl ? (size_t)(nl - data) : len, n = end - i, k;
		const char *s = data + i;

		line_no++;
		if (n && s[n - 1] == '\r')
			n--;
		for (k = 0; k < n && ascii_space(s[k]); k++)
			;
		if (k == n)
			item_flush(&g, it);
		else if (!(n - k >= 2 && s[k] == '/' && s[k + 1] == '/'))
			item_add(it, s, n, line_no);
		i = end + 1;
	}
	if (g.status != DT_ERR_NOMEM && g.status != DT_ERR_LIMIT)
		item_flush(&g, it);
	dt_buf_fini(&it->text);
	dt_free(it);
	if (g.status == DT_ERR_LIMIT)
		course_diag_add(diags, COURSE_ERROR, g.path, line_no, 1,
		                "more than %u questions in one bank", COURSE_MAX_BANK_QUESTIONS);
	return g.status;
}

/* ---- writing ---------------------------------------------------------- */

static void put_escaped(struct dt_buf *out, const char *s)
{
	for (; *s; s++) {
		if (strchr("~=#{}:\\", *s))
			dt_buf_putc(out, '\\');
		if (*s == '\n')
			dt_buf_puts(out, "\\n");
		else
			dt_buf_putc(out, *s);
	}
}

/* Moodle accepts only these weights; k correct answers share 100%. */
static const char *const weights[] = {
	"100", "50", "33.33333", "25", "20", "16.66667", "14.28571", "12.5",
};

static void write_choices(struct dt_buf *out, const struct course_question *q)
{
	size_t i, n_correct = 0;

	for (i = 0; i < q->n_choices; i++)
		n_correct += q->choices[i].correct;
	for (i = 0; i < q->n_choices; i++) {
		const struct course_choice *c = &q->choices[i];

		dt_buf_puts(out, "\n");
		if (q->type == COURSE_Q_SINGLE)
			dt_buf_putc(out, c->correct ? '=' : '~');
		else
			dt_buf_printf(out, "~%%%s%%", c->correct ? weights[n_correct - 1] : "-100");
		put_escaped(out, c->text);
		if (c->why) {
			dt_buf_putc(out, '#');
			put_escaped(out, c->why);
		}
	}
}

bool course_gift_write(const struct course_question *const *questions,
                       size_t n, struct dt_buf *out, struct course_diags *diags)
{
	const char *lesson = NULL;
	size_t i, k;

	dt_buf_puts(out, "// Exported by dockertutor " DT_VERSION "\n");
	for (i = 0; i < n; i++) {
		const struct course_question *q = questions[i];

		if (q->type == COURSE_Q_FILL && q->pattern) {
			course_diag_add(diags, COURSE_WARNING, q->pos.file, q->pos.line,
			                q->pos.col, "question '%s' left out: GIFT has no regular expression answers", q->id);
			continue;
		}
		if (q->type == COURSE_Q_MULTIPLE) {
			size_t c = 0;

			for (k = 0; k < q->n_choices; k++)
				c += q->choices[k].correct;
			if (c == 0 || c > 8) {
				course_diag_add(diags, COURSE_WARNING, q->pos.file, q->pos.line,
				                q->pos.col, "question '%s' left out: GIFT weights need 1 to 8 correct answers", q->id);
				continue;
			}
		}
		if (q->lesson_id && (!lesson || strcmp(lesson, q->lesson_id) != 0)) {
			lesson = q->lesson_id;
			dt_buf_printf(out, "\n$CATEGORY: dockertutor/%s\n", lesson);
		}
		dt_buf_puts(out, "\n::");
		put_escaped(out, q->id);
		dt_buf_puts(out, "::[markdown]");
		put_escaped(out, q->stem);
		dt_buf_puts(out, "{");
		switch (q->type) {
		case COURSE_Q_TRUEFALSE:
			dt_buf_puts(out, q->answer ? "TRUE" : "FALSE");
			break;
		case COURSE_Q_FILL:
			for (k = 0; k < q->n_answers; k++) {
				dt_buf_puts(out, "\n=");
				put_escaped(out, q->answers[k]);
			}
			break;
		default:
			write_choices(out, q);
			break;
		}
		if (q->explanation) {
			dt_buf_puts(out, "\n####");
			put_escaped(out, q->explanation);
		}
		dt_buf_puts(out, q->type == COURSE_Q_TRUEFALSE ? "}\n" : "\n}\n");
	}
	return !out->failed && !diags->failed;
}
