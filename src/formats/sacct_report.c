/* Writing what the sacct reader computed: one row per job (CSV, JSON Lines) as the
 * job callback receives them, and the report of a finished reader (text, CSV, JSON). */
#include <stdlib.h>
#include <string.h>

#include "formats/formats.h"

/* CSV is read by people and spreadsheets: 10 significant digits drop the binary noise
 * (0.006447, not 0.0064470000000000005) and keep every figure that means anything. */
static void num_csv(co2__buf *b, double v)
{
	co2__buf_num(b, co2__round_significant(v, 10));
}

static double share(double part, double whole)
{
	return whole > 0 ? part / whole : 0.0;
}

/* Hand the buffer to the caller, or fail when it could not grow. */
static co2_status done(co2__buf *b, char **out, size_t *len, co2_error *err)
{
	if (b->failed || !b->data) {
		free(b->data);
		return co2__fail(err, CO2_ERR_NOMEM, "out of memory writing the sacct report");
	}
	*out = b->data;
	if (len)
		*len = b->len;
	return CO2_OK;
}

/* An empty string the caller frees like any other output. */
static co2_status empty(char **out, size_t *len, co2_error *err)
{
	co2__buf b = { 0 };
	co2__buf_puts(&b, "");
	return done(&b, out, len, err);
}

/* ---- per job ---------------------------------------------------------------------- */

static const char per_job_header[] =
	"job_id,user,account,partition,state,submit,failed,elapsed_hours,cpu_used_hours,cpu_hours,"
	"gpus,gpu_hours,memory_requested_gb,memory_used_gb,memory_needed_gb,energy_cpu_kwh,"
	"energy_gpu_kwh,energy_memory_kwh,energy_kwh,co2_kg,co2_rightsized_kg\n";

static co2_status per_job_format(co2_format format, co2_error *err)
{
	if (format == CO2_FORMAT_CSV || format == CO2_FORMAT_JSON)
		return CO2_OK;
	return co2__fail(err, CO2_ERR_INVALID, "sacct: per-job rows are written as csv or json, not %s",
	                 co2_format_name(format));
}

co2_status co2_sacct_job_header(char **out, size_t *len, co2_format format, co2_error *err)
{
	*out = NULL;
	co2_status st = per_job_format(format, err);
	if (st != CO2_OK)
		return st;
	if (format == CO2_FORMAT_JSON)
		return empty(out, len, err);
	co2__buf b = { 0 };
	co2__buf_puts(&b, per_job_header);
	return done(&b, out, len, err);
}

static void job_csv(co2__buf *b, const co2_sacct_job *j)
{
	const char *strs[] = { j->job_id, j->user, j->account, j->partition, j->state, j->submit };
	for (size_t i = 0; i < sizeof strs / sizeof strs[0]; i++) {
		co2__buf_csv_str(b, strs[i]);
		co2__buf_putn(b, ",", 1);
	}
	co2__buf_puts(b, j->failed ? "1" : "0");
	const double v[] = { j->elapsed_hours, j->cpu_used_hours, j->cpu_hours, j->gpus, j->gpu_hours,
	                     j->memory_requested_gb, j->memory_used_gb, j->memory_needed_gb,
	                     j->energy_cpu_kwh, j->energy_gpu_kwh, j->energy_memory_kwh, j->energy_kwh,
	                     j->co2_kg, j->co2_rightsized_kg };
	for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
		co2__buf_putn(b, ",", 1);
		if (v[i] != CO2_UNSET)
			num_csv(b, v[i]);
	}
	co2__buf_putn(b, "\n", 1);
}

static void job_json(co2__buf *b, const co2_sacct_job *j)
{
	const struct { const char *k; const char *v; } s[] = {
		{ "job_id", j->job_id }, { "name", j->name }, { "user", j->user }, { "account", j->account },
		{ "partition", j->partition }, { "state", j->state }, { "submit", j->submit },
	};
	for (size_t i = 0; i < sizeof s / sizeof s[0]; i++) {
		co2__buf_printf(b, "%s\"%s\": ", i ? ", " : "{", s[i].k);
		co2__buf_json_str(b, s[i].v);
	}
	co2__buf_printf(b, ", \"line\": %zu, \"rows\": %zu, \"failed\": %s, \"gpu_partition\": %s", j->line,
	                j->rows, j->failed ? "true" : "false", j->gpu_partition ? "true" : "false");
	const struct { const char *k; double v; } m[] = {
		{ "elapsed_hours", j->elapsed_hours },
		{ "cpu_used_hours", j->cpu_used_hours },
		{ "cpu_hours", j->cpu_hours },
		{ "gpus", j->gpus },
		{ "gpu_hours", j->gpu_hours },
		{ "memory_requested_gb", j->memory_requested_gb },
		{ "memory_used_gb", j->memory_used_gb },
		{ "memory_needed_gb", j->memory_needed_gb },
		{ "overallocation", j->overallocation },
		{ "energy_cpu_kwh", j->energy_cpu_kwh },
		{ "energy_gpu_kwh", j->energy_gpu_kwh },
		{ "energy_memory_kwh", j->energy_memory_kwh },
		{ "energy_kwh", j->energy_kwh },
		{ "energy_rightsized_kwh", j->energy_rightsized_kwh },
		{ "co2_kg", j->co2_kg },
		{ "co2_rightsized_kg", j->co2_rightsized_kg },
	};
	for (size_t i = 0; i < sizeof m / sizeof m[0]; i++) {
		co2__buf_printf(b, ", \"%s\": ", m[i].k);
		if (m[i].v == CO2_UNSET)
			co2__buf_puts(b, "null");
		else
			co2__buf_num(b, m[i].v);
	}
	co2__buf_puts(b, "}\n");
}

co2_status co2_sacct_job_row(char **out, size_t *len, const co2_sacct_job *job, co2_format format,
                             co2_error *err)
{
	*out = NULL;
	if (!job)
		return co2__fail(err, CO2_ERR_INVALID, "sacct: no job to write");
	co2_status st = per_job_format(format, err);
	if (st != CO2_OK)
		return st;
	co2__buf b = { 0 };
	if (format == CO2_FORMAT_JSON)
		job_json(&b, job);
	else
		job_csv(&b, job);
	return done(&b, out, len, err);
}

/* ---- the report of a finished reader ------------------------------------------------ */

/* The figures of a set of jobs as JSON members (no braces). */
static void json_sums(co2__buf *b, const co2_sacct_sums *s, const char *indent)
{
	const struct { const char *k; double v; } m[] = {
		{ "jobs_failed", (double)s->jobs_failed },
		{ "energy_kwh", s->energy_kwh },
		{ "energy_cpu_kwh", s->energy_cpu_kwh },
		{ "energy_gpu_kwh", s->energy_gpu_kwh },
		{ "energy_memory_kwh", s->energy_memory_kwh },
		{ "energy_failed_kwh", s->energy_failed_kwh },
		{ "co2_kg", s->co2_kg },
		{ "co2_failed_kg", s->co2_failed_kg },
		{ "co2_failed_share", share(s->co2_failed_kg, s->co2_kg) },
		{ "cpu_hours", s->cpu_hours },
		{ "gpu_hours", s->gpu_hours },
		{ "cpu_used_hours", s->cpu_used_hours },
		{ "gpu_used_hours", s->gpu_used_hours },
		{ "wallclock_hours", s->wallclock_hours },
		{ "memory_requested_gb", s->memory_requested_gb },
		{ "memory_needed_gb", s->memory_needed_gb },
		{ "memory_overallocation_mean", s->overallocation_mean },
		{ "energy_rightsized_kwh", s->energy_rightsized_kwh },
		{ "co2_rightsized_kg", s->co2_rightsized_kg },
		{ "co2_saved_by_rightsizing_kg", s->co2_kg - s->co2_rightsized_kg },
	};
	co2__buf_printf(b, "%s\"jobs\": %zu", indent, s->jobs);
	for (size_t i = 0; i < sizeof m / sizeof m[0]; i++) {
		co2__buf_printf(b, ",\n%s\"%s\": ", indent, m[i].k);
		co2__buf_num(b, m[i].v);
	}
}

static void report_json(co2__buf *b, const co2_sacct *r, const co2__sacct_setup *u)
{
	const co2_sacct_totals *t = co2_sacct_get_totals(r);
	co2__buf_puts(b, "{\n  \"input\": ");
	co2__buf_json_str(b, u->name);
	co2__buf_puts(b, ",\n  \"cluster_file\": ");
	co2__buf_json_str(b, co2_cluster_file(u->cluster));
	co2__buf_puts(b, ",\n  \"cluster\": ");
	co2__buf_json_str(b, co2_cluster_name(u->cluster)); /* null when the file names none */
	co2__buf_puts(b, ",\n  \"pue\": ");
	co2__buf_num(b, u->pue);
	co2__buf_puts(b, ",\n  \"intensity_g_per_kwh\": ");
	co2__buf_num(b, u->intensity);
	co2__buf_puts(b, ",\n  \"totals\": {\n");
	json_sums(b, &t->all, "    ");
	co2__buf_puts(b, ",\n    \"memory_overallocation_daily_mean\": ");
	co2__buf_num(b, t->overallocation_daily_mean);
	co2__buf_printf(b, ",\n    \"lines\": %zu,\n    \"malformed_lines\": %zu,\n    \"jobs_skipped\": %zu,\n"
	                "    \"jobs_filtered\": %zu\n  }", t->lines, t->malformed_lines, t->jobs_skipped,
	                t->jobs_filtered);
	if (u->group_by != CO2_SACCT_GROUP_NONE) {
		co2__buf_printf(b, ",\n  \"group_by\": \"%s\",\n  \"groups\": [", co2_sacct_group_by_name(u->group_by));
		for (size_t i = 0; i < co2_sacct_group_count(r); i++) {
			const co2_sacct_group *g = co2_sacct_group_at(r, i);
			co2__buf_puts(b, i ? ",\n    {\n      \"key\": " : "\n    {\n      \"key\": ");
			co2__buf_json_str(b, g->key);
			co2__buf_puts(b, ",\n");
			json_sums(b, &g->sums, "      ");
			co2__buf_puts(b, "\n    }");
		}
		co2__buf_puts(b, co2_sacct_group_count(r) ? "\n  ]" : "]");
	}
	co2__buf_puts(b, "\n}\n");
}

static void csv_row(co2__buf *b, const char *key, const co2_sacct_sums *s)
{
	co2__buf_csv_str(b, key);
	co2__buf_printf(b, ",%zu,%zu", s->jobs, s->jobs_failed);
	const double v[] = { s->energy_kwh, s->energy_cpu_kwh, s->energy_gpu_kwh, s->energy_memory_kwh,
	                     s->co2_kg, s->co2_failed_kg, s->co2_rightsized_kg, s->cpu_hours, s->gpu_hours,
	                     s->cpu_used_hours, s->gpu_used_hours, s->wallclock_hours,
	                     s->memory_requested_gb, s->memory_needed_gb, s->overallocation_mean };
	for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
		co2__buf_putn(b, ",", 1);
		num_csv(b, v[i]);
	}
	co2__buf_putn(b, "\n", 1);
}

static void report_csv(co2__buf *b, const co2_sacct *r, co2_sacct_group_by gb)
{
	co2__buf_printf(b, "%s,jobs,jobs_failed,energy_kwh,energy_cpu_kwh,energy_gpu_kwh,energy_memory_kwh,co2_kg,"
	                "co2_failed_kg,co2_rightsized_kg,cpu_hours,gpu_hours,cpu_used_hours,gpu_used_hours,"
	                "wallclock_hours,memory_requested_gb,memory_needed_gb,memory_overallocation_mean\n",
	                gb == CO2_SACCT_GROUP_NONE ? "group" : co2_sacct_group_by_name(gb));
	for (size_t i = 0; i < co2_sacct_group_count(r); i++) {
		const co2_sacct_group *g = co2_sacct_group_at(r, i);
		csv_row(b, g->key, &g->sums);
	}
	csv_row(b, "(all)", &co2_sacct_get_totals(r)->all);
}

static void report_text(co2__buf *b, const co2_sacct *r, const co2__sacct_setup *u)
{
	const co2_cluster *cl = u->cluster;
	const co2_sacct_totals *t = co2_sacct_get_totals(r);
	const co2_sacct_sums *a = &t->all;
	co2__buf_printf(b, "Cluster accounting: %s\n", u->name);
	co2__buf_printf(b, "cluster %s (%s): PUE %g, carbon intensity %g g CO2eq/kWh",
	                co2_cluster_name(cl) ? co2_cluster_name(cl) : "-", co2_cluster_file(cl), u->pue,
	                u->intensity);
	if (co2_cluster_location(cl))
		co2__buf_printf(b, " (%s)", co2_cluster_location(cl));
	co2__buf_printf(b, ", memory %g W/GB\n\n", co2_cluster_memory_w_per_gb(cl));
	co2__buf_printf(b, "  %-26s %zu", "jobs", a->jobs);
	if (t->jobs_skipped || t->jobs_filtered) {
		co2__buf_puts(b, " (");
		if (t->jobs_skipped)
			co2__buf_printf(b, "%zu pending or running skipped%s", t->jobs_skipped, t->jobs_filtered ? ", " : "");
		if (t->jobs_filtered)
			co2__buf_printf(b, "%zu left out by filters", t->jobs_filtered);
		co2__buf_puts(b, ")");
	}
	co2__buf_printf(b, "\n  %-26s %zu (%.1f %%)\n", "failed jobs", a->jobs_failed,
	                100 * share((double)a->jobs_failed, (double)a->jobs));
	co2__buf_printf(b, "  %-26s %.3f kWh\n", "energy", a->energy_kwh);
	co2__buf_printf(b, "    %-24s %.3f kWh before PUE\n", "CPU", a->energy_cpu_kwh);
	co2__buf_printf(b, "    %-24s %.3f kWh before PUE\n", "GPU", a->energy_gpu_kwh);
	co2__buf_printf(b, "    %-24s %.3f kWh before PUE\n", "memory", a->energy_memory_kwh);
	co2__buf_printf(b, "  %-26s %.3f kg\n", "CO2eq", a->co2_kg);
	co2__buf_printf(b, "    %-24s %.3f kg (%.1f %%)\n", "of failed jobs", a->co2_failed_kg,
	                100 * share(a->co2_failed_kg, a->co2_kg));
	co2__buf_printf(b, "  %-26s %.1f (CPU time used %.1f h)\n", "CPU core-hours charged", a->cpu_hours,
	                a->cpu_used_hours);
	co2__buf_printf(b, "  %-26s %.1f\n", "GPU-hours", a->gpu_hours);
	co2__buf_printf(b, "  %-26s %.1f h\n", "wall-clock", a->wallclock_hours);
	co2__buf_printf(b, "  %-26s %.1f GB; right-sized %.1f GB\n", "memory requested", a->memory_requested_gb,
	                a->memory_needed_gb);
	co2__buf_printf(b, "  %-26s x%.2f per job (GA4HPC daily mean x%.2f)\n", "memory over-allocation",
	                a->overallocation_mean, t->overallocation_daily_mean);
	co2__buf_printf(b, "  %-26s %.3f kWh, %.3f kg CO2eq (%.1f %%)\n", "right-sized memory saves",
	                a->energy_kwh - a->energy_rightsized_kwh, a->co2_kg - a->co2_rightsized_kg,
	                100 * share(a->co2_kg - a->co2_rightsized_kg, a->co2_kg));
	co2__buf_printf(b, "  %-26s %zu of %zu lines\n", "malformed lines", t->malformed_lines, t->lines);
	if (u->group_by == CO2_SACCT_GROUP_NONE)
		return;
	size_t w = strlen(co2_sacct_group_by_name(u->group_by));
	for (size_t i = 0; i < co2_sacct_group_count(r); i++) {
		size_t l = strlen(co2_sacct_group_at(r, i)->key);
		if (l > w)
			w = l;
	}
	if (w > 40)
		w = 40;
	co2__buf_printf(b, "\n  %-*s %8s %7s %13s %12s %8s %11s %10s %9s\n", (int)w,
	                co2_sacct_group_by_name(u->group_by), "jobs", "failed", "energy kWh", "CO2eq kg", "share",
	                "CPU h", "GPU h", "mem over");
	for (size_t i = 0; i < co2_sacct_group_count(r); i++) {
		const co2_sacct_group *g = co2_sacct_group_at(r, i);
		const co2_sacct_sums *s = &g->sums;
		co2__buf_printf(b, "  %-*.*s %8zu %7zu %13.3f %12.3f %7.1f%% %11.1f %10.1f %8.2fx\n", (int)w, (int)w,
		                g->key[0] ? g->key : "-", s->jobs, s->jobs_failed, s->energy_kwh, s->co2_kg,
		                100 * share(s->co2_kg, a->co2_kg), s->cpu_hours, s->gpu_hours,
		                s->overallocation_mean);
	}
}

co2_status co2_sacct_report(char **out, size_t *len, const co2_sacct *reader, co2_format format,
                            co2_error *err)
{
	*out = NULL;
	if (!reader)
		return co2__fail(err, CO2_ERR_INVALID, "sacct: no reader to report on");
	co2__sacct_setup u;
	co2__sacct_get_setup(reader, &u);
	if (!u.finished)
		return co2__fail(err, CO2_ERR_INVALID, "sacct: the report needs a finished reader (co2_sacct_finish)");
	co2__buf b = { 0 };
	switch (format) {
	case CO2_FORMAT_TEXT: report_text(&b, reader, &u); break;
	case CO2_FORMAT_CSV: report_csv(&b, reader, u.group_by); break;
	case CO2_FORMAT_JSON: report_json(&b, reader, &u); break;
	default:
		return co2__fail(err, CO2_ERR_INVALID, "sacct: the report is written as text, csv or json, not %s",
		                 co2_format_name(format));
	}
	return done(&b, out, len, err);
}
