/* Strings in, strings out for one row (co2calc/api.h): a run of a batch file to its JSON
 * row, the jobs of a Slurm accounting dump to their JSON lines. Both go through the same
 * readers and writers as `co2calc batch` and `co2calc sacct`. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "formats/formats.h"

/* ---- one run of a batch file ------------------------------------------------------------ */

typedef struct batch_ctx {
	size_t rows;
	co2_status st;      /* the first row's */
	co2_error row_err;  /* its error, when it could not be computed */
	char *out;
	size_t len;
	co2_error *err;
} batch_ctx;

static void on_row(void *p, const co2_batch_row *row)
{
	batch_ctx *c = p;
	if (++c->rows > 1)
		return;
	c->st = row->status;
	if (row->status != CO2_OK) {
		c->row_err = *row->error;
		return;
	}
	co2_batch_row first = *row;
	first.index = 1; /* no comma before it: the row stands alone */
	c->st = co2_batch_report_row(&c->out, &c->len, &first, CO2_FORMAT_JSON, c->err);
}

co2_status co2_batch_row_json(char **out, size_t *out_len, const co2_db *db, const char *row,
                              size_t row_len, co2_error *err)
{
	if (!out || !db || (!row && row_len))
		return co2__fail(err, CO2_ERR_INVALID, "co2_batch_row_json: out, db and row are required");
	*out = NULL;
	if (out_len)
		*out_len = 0;
	co2_batch *b = NULL;
	batch_ctx c;
	memset(&c, 0, sizeof c);
	c.err = err;
	co2_status st = co2_batch_new(&b, db, CO2_BATCH_JSONL, "<row>", err);
	if (st != CO2_OK)
		return st;
	co2_batch_on_row(b, on_row, &c);
	st = co2_batch_feed(b, row ? row : "", row_len, err);
	if (st == CO2_OK)
		st = co2_batch_finish(b, err);
	co2_batch_free(b);
	if (st == CO2_OK && c.rows != 1)
		st = co2__fail(err, CO2_ERR_INVALID, "<row>: expected one run (a JSON object), got %zu",
		               c.rows);
	else if (st == CO2_OK && c.st != CO2_OK) {
		if (err)
			*err = c.row_err;
		st = c.st;
	} else if (st == CO2_OK && c.out) {
		/* The report indents the row inside its "runs" list: the object alone, on a line
		 * of its own. */
		size_t lead = strspn(c.out, " \n");
		memmove(c.out, c.out + lead, c.len - lead + 1);
		c.len -= lead;
	}
	if (st == CO2_OK && c.out && c.len && c.out[c.len - 1] != '\n') {
		char *grown = realloc(c.out, c.len + 2);
		if (!grown)
			st = co2__fail(err, CO2_ERR_NOMEM, "out of memory");
		else {
			c.out = grown;
			c.out[c.len++] = '\n';
			c.out[c.len] = '\0';
		}
	}
	if (st != CO2_OK) {
		free(c.out);
		return st;
	}
	*out = c.out;
	if (out_len)
		*out_len = c.len;
	return CO2_OK;
}

/* ---- the jobs of an sacct dump ----------------------------------------------------------- */

typedef struct sacct_ctx {
	co2__buf b;
	co2_status st;
	co2_error *err;
} sacct_ctx;

static void on_job(void *p, const co2_sacct_job *job)
{
	sacct_ctx *c = p;
	if (c->st != CO2_OK)
		return;
	char *line = NULL;
	size_t n = 0;
	c->st = co2_sacct_job_row(&line, &n, job, CO2_FORMAT_JSON, c->err);
	if (c->st == CO2_OK)
		co2__buf_putn(&c->b, line, n);
	co2_free(line);
}

co2_status co2_sacct_jobs_json(char **out, size_t *out_len, const co2_cluster *cluster,
                               const char *log, size_t log_len, co2_error *err)
{
	if (!out || !cluster || (!log && log_len))
		return co2__fail(err, CO2_ERR_INVALID,
		                 "co2_sacct_jobs_json: out, cluster and log are required");
	*out = NULL;
	if (out_len)
		*out_len = 0;
	co2_sacct_options opts;
	co2_sacct_options_init(&opts);
	co2_sacct *r = NULL;
	co2_status st = co2_sacct_new(&r, cluster, &opts, "<sacct>", err);
	if (st != CO2_OK)
		return st;
	sacct_ctx c = { { 0 }, CO2_OK, err };
	co2_sacct_on_job(r, on_job, &c);
	st = co2_sacct_feed(r, log ? log : "", log_len, err);
	if (st == CO2_OK)
		st = co2_sacct_finish(r, err);
	co2_sacct_free(r);
	if (st == CO2_OK)
		st = c.st;
	co2__buf_puts(&c.b, ""); /* "" for a dump without jobs */
	if (st == CO2_OK && c.b.failed)
		st = co2__fail(err, CO2_ERR_NOMEM, "out of memory");
	if (st != CO2_OK) {
		free(c.b.data);
		return st;
	}
	*out = c.b.data;
	if (out_len)
		*out_len = c.b.len;
	return CO2_OK;
}
