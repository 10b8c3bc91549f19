/* Progress: practice accuracy per lesson as bars, the exam scores of the
 * last attempts as a column chart with the pass mark line, the reviews
 * falling due over the coming days, and time studied; everything from the
 * app's summary. */
#include <string.h>
#include <time.h>

#include "ui_int.h"

#define PAGE_MAX_WIDTH 100
#define EXAMS_SHOWN 12           /* columns of the exam chart */
#define EXAMS_LISTED 5
#define CHART_H 6
#define SECONDS_PER_DAY 86400

struct progress {
	struct dt_arena arena;
	struct app_summary sum;
	bool loaded;
	unsigned epoch;
	struct ui_page page;
	size_t top;
	int x;
};

static int page_width(const struct ui *ui)
{
	int w = ui->cols - 4;

	if (w < UI_MIN_COLS - 4)
		w = UI_MIN_COLS - 4;
	return w > PAGE_MAX_WIDTH ? PAGE_MAX_WIDTH : w;
}

static int view_h(const struct ui *ui)
{
	return ui->rows - 2;
}

static int bar_width(const struct ui_page *p)
{
	int w = p->width / 3;

	return w < 10 ? 10 : w;
}

static void heading(struct ui_page *p, const char *text)
{
	ui_page_blank(p);
	ui_page_line(p, 0, UI_NO_TAG);
	ui_page_puts(p, text, UI_HEADING);
}

static void build_lessons(struct ui *ui, struct progress *g)
{
	struct ui_page *p = &g->page;
	size_t i;

	ui_page_line(p, 0, UI_NO_TAG);
	ui_page_puts(p, "Practice accuracy by lesson", UI_HEADING);
	for (i = 0; i < g->sum.n_lessons; i++) {
		const struct app_lesson_summary *l = &g->sum.lessons[i];

		ui_page_line(p, 2, UI_NO_TAG);
		ui_page_printf(p, UI_BOLD, "%d. %s", l->lesson->number,
		               ui->lessons[i].title);
		ui_page_line(p, 4, UI_NO_TAG);
		ui_chart_bar(ui, p, bar_width(p), (double)l->correct,
		             (double)l->answers, UI_CHART);
		if (l->answers)
			ui_page_printf(p, UI_NORMAL, " %3.0f%% of %zu answer%s, %zu/%zu "
			               "mastered", 100.0 * (double)l->correct /
			               (double)l->answers, l->answers,
			               l->answers == 1 ? "" : "s", l->mastered,
			               l->questions);
		else
			ui_page_puts(p, "   no practice yet", UI_DIM);
	}
}

/* The finished attempts, oldest first, at most EXAMS_SHOWN. */
static size_t finished(const struct app_summary *s,
                       const struct store_attempt **out)
{
	size_t i, n = 0;

	for (i = 0; i < s->n_exams && n < EXAMS_SHOWN; i++)
		if (s->exams[i].status != STORE_ATTEMPT_OPEN)
			out[n++] = &s->exams[i];
	for (i = 0; i < n / 2; i++) {
		const struct store_attempt *t = out[i];

		out[i] = out[n - 1 - i];
		out[n - 1 - i] = t;
	}
	return n;
}

static double pct_of(const struct store_attempt *a)
{
	return a->max_score > 0 ? 100.0 * a->score / a->max_score : 0;
}

static void build_exams(struct ui *ui, struct progress *g)
{
	const struct store_attempt *at[EXAMS_SHOWN];
	double values[EXAMS_SHOWN];
	struct ui_page *p = &g->page;
	size_t n = finished(&g->sum, at), i;

	heading(p, "Exam scores");
	if (n == 0) {
		ui_page_line(p, 2, UI_NO_TAG);
		ui_page_puts(p, "No exam taken yet: Exam on the home screen starts "
		             "one.", UI_DIM);
		return;
	}
	for (i = 0; i < n; i++)
		values[i] = pct_of(at[i]);
	ui_chart_columns(ui, p, 2, values, n, CHART_H,
	                 (double)at[n - 1]->pass_mark_pct, UI_WRONG, UI_RIGHT);
	ui_page_line(p, 2, UI_NO_TAG);
	ui_page_puts(p, "     ", UI_DIM);              /* under the scale */
	for (i = 0; i < n; i++)
		ui_page_printf(p, UI_DIM, "%3zu", i + 1);
	ui_page_puts(p, "  oldest to newest", UI_DIM);
	for (i = n; i-- > 0 && n - i <= EXAMS_LISTED;) {
		char when[32] = "-";
		time_t t = (time_t)at[i]->finished;
		struct tm tm;

		if (!localtime_r(&t, &tm) ||
		    strftime(when, sizeof when, "%Y-%m-%d %H:%M", &tm) == 0)
			dt_strlcpy(when, "-", sizeof when);
		ui_page_line(p, 2, UI_NO_TAG);
		ui_page_printf(p, UI_DIM, "%2zu  %s  ", i + 1, when);
		ui_page_printf(p, at[i]->passed ? UI_RIGHT : UI_WRONG, "%3.0f%% %s",
		               pct_of(at[i]), at[i]->passed ? "passed" : "not passed");
		ui_page_puts(p, "  ", UI_NORMAL);
		ui_page_puts(p, at[i]->title, UI_NORMAL);
	}
}

static void build_reviews(struct ui *ui, struct progress *g)
{
	struct ui_page *p = &g->page;
	size_t i, max = 1;

	heading(p, "Reviews due");
	for (i = 0; i < APP_FORECAST_DAYS; i++)
		if (g->sum.forecast[i] > max)
			max = g->sum.forecast[i];
	for (i = 0; i < APP_FORECAST_DAYS; i++) {
		char day[32] = "";
		time_t t = (time_t)(g->sum.day_start + (int64_t)i * SECONDS_PER_DAY);
		struct tm tm;

		if (i == 0)
			dt_strlcpy(day, "Today", sizeof day);
		else if (!localtime_r(&t, &tm) ||
		         strftime(day, sizeof day, "%a %d", &tm) == 0)
			dt_strlcpy(day, "?", sizeof day);
		ui_page_line(p, 2, UI_NO_TAG);
		ui_page_printf(p, i == 0 ? UI_BOLD : UI_NORMAL, "%-8s", day);
		ui_chart_bar(ui, p, bar_width(p), (double)g->sum.forecast[i],
		             (double)max, UI_CHART);
		ui_page_printf(p, UI_NORMAL, " %zu", g->sum.forecast[i]);
	}
	ui_page_line(p, 2, UI_NO_TAG);
	ui_page_printf(p, UI_DIM, "%zu due now; Practice, then Review queue, "
	               "goes through them.", g->sum.reviews_due);
}

static void studied(struct ui_page *p, const char *label,
                    const struct store_study_day *d)
{
	char took[32];

	ui_format_duration(took, sizeof took, d->ms / 1000);
	ui_page_line(p, 2, UI_NO_TAG);
	ui_page_printf(p, UI_BOLD, "%-12s", label);
	ui_page_printf(p, UI_NORMAL, "%s, %zu answer%s", took, d->answers,
	               d->answers == 1 ? "" : "s");
	if (d->answers)
		ui_page_printf(p, UI_NORMAL, ", %.0f%% right",
		               100.0 * (double)d->correct / (double)d->answers);
}

static void build_time(struct progress *g)
{
	struct ui_page *p = &g->page;

	heading(p, "Time studied");
	studied(p, "Today", &g->sum.studied_today);
	studied(p, "Last 7 days", &g->sum.studied_week);
	studied(p, "In all", &g->sum.studied_total);
	heading(p, "Reading and exercises");
	ui_page_line(p, 2, UI_NO_TAG);
	ui_page_printf(p, UI_NORMAL, "%zu of %zu sections read, %zu of %zu "
	               "exercises passed", g->sum.sections_read,
	               g->sum.sections_total, g->sum.exercises_passed,
	               g->sum.exercises_total);
}

static void build(struct ui *ui, struct progress *g)
{
	struct dt_error err = {0};

	if (!g->loaded || g->epoch != ui->epoch) {
		dt_arena_fini(&g->arena);
		dt_arena_init(&g->arena);
		g->epoch = ui->epoch;
		g->loaded = app_summary(ui->app, &g->arena, &g->sum, &err) == DT_OK;
		if (!g->loaded)
			ui_say_error(ui, "Cannot read your progress", &err);
	}
	ui_page_reset(&g->page, page_width(ui));
	g->x = (ui->cols - g->page.width) / 2;
	if (!g->loaded)
		return;
	build_lessons(ui, g);
	build_exams(ui, g);
	build_reviews(ui, g);
	build_time(g);
	if (g->page.failed)
		ui_say(ui, true, "Out of memory laying the progress out");
}

static void *progress_open(struct ui *ui, const void *arg)
{
	struct progress *g = dt_calloc(1, sizeof *g);

	(void)arg;
	if (!g)
		return NULL;
	dt_arena_init(&g->arena);
	ui_page_init(&g->page);
	build(ui, g);
	return g;
}

static void progress_close(struct ui *ui, void *state)
{
	struct progress *g = state;

	(void)ui;
	dt_arena_fini(&g->arena);
	ui_page_fini(&g->page);
	dt_free(g);
}

static void progress_draw(struct ui *ui, void *state)
{
	struct progress *g = state;

	if (g->page.width != page_width(ui) || g->epoch != ui->epoch)
		build(ui, g);
	ui_draw_header(ui, "Progress", app_learner(ui->app));
	ui_page_draw(ui, &g->page, 1, view_h(ui), g->top, g->x, UI_NO_TAG);
	ui_draw_footer(ui, ui_progress_ops.bindings, ui_progress_ops.n_bindings,
	               NULL);
}

static unsigned scroll_by(struct ui *ui, void *state, int lines)
{
	struct progress *g = state;

	return ui_page_scroll(&g->page, &g->top, lines, view_h(ui));
}

static unsigned page(struct ui *ui, void *state, int dir)
{
	int step = view_h(ui) > 2 ? view_h(ui) - 2 : 1;

	return scroll_by(ui, state, dir * step);
}

static unsigned ends(struct ui *ui, void *state, int end)
{
	struct progress *g = state;

	g->top = end ? ui_page_max_top(&g->page, view_h(ui)) : 0;
	return UI_REDRAW;
}

static unsigned back(struct ui *ui, void *state, int arg)
{
	(void)ui;
	(void)state;
	(void)arg;
	return UI_POP;
}

static unsigned progress_key(struct ui *ui, void *state,
                             const struct ui_event *ev)
{
	if (ui_wheel(ev))
		return scroll_by(ui, state, 3 * ui_wheel(ev));
	return ev->key == KEY_MOUSE ? UI_NONE : UI_PASS;
}

static unsigned progress_resize(struct ui *ui, void *state)
{
	build(ui, state);
	return UI_REDRAW;
}

static const struct ui_binding progress_bindings[] = {
	UI_BIND(scroll_by, 1, "scroll", "Scroll down one line", 'j', KEY_DOWN),
	UI_BIND(scroll_by, -1, "", "Scroll up one line", 'k', KEY_UP),
	UI_BIND(page, 1, NULL, "Scroll down one page", ' ', KEY_NPAGE, 'f'),
	UI_BIND(page, -1, NULL, "Scroll up one page", 'b', KEY_PPAGE),
	UI_BIND(ends, 0, NULL, "Go to the top", 'g', KEY_HOME),
	UI_BIND(ends, 1, NULL, "Go to the end", 'G', KEY_END),
	UI_BIND(back, 0, "back", "Back home", 'q', 27, KEY_LEFT),
};

const struct ui_screen_ops ui_progress_ops = {
	.name = "Progress",
	.bindings = UI_BINDINGS(progress_bindings),
	.open = progress_open,
	.draw = progress_draw,
	.key = progress_key,
	.resize = progress_resize,
	.close = progress_close,
};
