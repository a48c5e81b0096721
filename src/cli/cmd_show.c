/* co2calc show: one entry with every field and its source. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const cli_opt opts[] = {
	{ "edition", "NAME", "search this data edition first (default co2calc)" },
	CLI_DATA_OPTS,
	{ NULL, NULL, NULL }
};

static const cli_cmd cmd = {
	"show",
	"show hardware|region|location|instance NAME [--edition NAME]",
	"Show one entry of the data with its figures, aliases, source and year.",
	opts,
	"  co2calc show hardware \"NVIDIA A100-SXM4-80GB\"\n"
	"  co2calc show region gcp:asia-east1 --edition mlco2-impact\n"
	"  co2calc show location FR\n"
};

static void aliases(const char *const *al, size_t n)
{
	if (!n)
		return;
	printf("  aliases      ");
	for (size_t i = 0; i < n; i++)
		printf("%s%s", i ? ", " : "", al[i]);
	printf("\n");
}

int cmd_show(int argc, char **argv)
{
	cli_args a;
	int rc = cli_parse(&cmd, argc, argv, &a);
	if (rc)
		return rc == CLI_HELP_SHOWN ? CO2_EXIT_OK : rc;
	if (a.npos != 2)
		return cli_usage_error("show: expected a kind (hardware, region, location, instance) and a name");
	const char *kind = a.pos[0], *name = a.pos[1];
	const char *edition = cli_get(&a, "edition") ? cli_get(&a, "edition") : cli_get(&a, "data-edition");
	co2_error err;
	co2_error_clear(&err);
	co2_db *db = NULL;
	rc = cli_open_db(&a, &db, &err);
	if (rc)
		return rc;
	char x[32], y[32];
	co2_status st;
	if (strcmp(kind, "hardware") == 0) {
		const co2_hardware *h;
		if ((st = co2_db_find_hardware(&h, db, edition, name, &err)) != CO2_OK)
			goto fail;
		printf("%s\n  kind         %s\n  power        %s W (%s)\n", h->name, h->kind,
		       co2_format_double(x, h->power_w), h->power_type);
		if (h->cores)
			printf("  cores        %d\n", h->cores);
		if (h->power_per_core_w != CO2_UNSET)
			printf("  per core     %s W\n", co2_format_double(x, h->power_per_core_w));
		if (h->memory_gb != CO2_UNSET)
			printf("  memory       %s GB\n", co2_format_double(x, h->memory_gb));
		aliases(h->aliases, h->n_aliases);
		if (h->note)
			printf("  note         %s\n", h->note);
		if (h->uncertain)
			printf("  uncertain    yes: the figure is an estimate\n");
		printf("  source       %s (%d)\n  edition      %s\n  file         %s:%d\n", h->source, h->year, h->edition, h->file, h->line);
	} else if (strcmp(kind, "region") == 0) {
		const co2_region *r;
		if ((st = co2_db_find_region(&r, db, edition, name, &err)) != CO2_OK)
			goto fail;
		printf("%s\n", r->id);
		if (r->name)
			printf("  name         %s\n", r->name);
		if (r->location)
			printf("  location     %s\n", r->location);
		if (r->intensity_g_per_kwh != CO2_UNSET)
			printf("  intensity    %s g CO2eq/kWh\n", co2_format_double(x, r->intensity_g_per_kwh));
		else
			printf("  intensity    that of its location\n");
		if (r->pue != CO2_UNSET)
			printf("  PUE          %s (%s, %d)\n", co2_format_double(x, r->pue), r->pue_source, r->pue_year);
		if (r->offset_percent != CO2_UNSET)
			printf("  offset       %s %%\n", co2_format_double(y, r->offset_percent));
		if (r->cfe_percent != CO2_UNSET)
			printf("  carbon-free  %s %% (%s, %d)\n", co2_format_double(y, r->cfe_percent),
			       r->cfe_source, r->cfe_year);
		aliases(r->aliases, r->n_aliases);
		printf("  source       %s (%d)\n  edition      %s\n  file         %s:%d\n", r->source, r->year, r->edition, r->file, r->line);
	} else if (strcmp(kind, "location") == 0) {
		const co2_location *l;
		if ((st = co2_db_find_location(&l, db, edition, name, &err)) != CO2_OK)
			goto fail;
		printf("%s\n  name         %s\n  intensity    %s g CO2eq/kWh\n", l->code, l->name,
		       co2_format_double(x, l->intensity_g_per_kwh));
		aliases(l->aliases, l->n_aliases);
		printf("  source       %s (%d)\n  edition      %s\n  file         %s:%d\n", l->source, l->year, l->edition, l->file, l->line);
	} else if (strcmp(kind, "instance") == 0) {
		const co2_instance *i;
		if ((st = co2_db_find_instance(&i, db, edition, name, &err)) != CO2_OK)
			goto fail;
		printf("%s\n  hardware     %s x %s\n", i->id, co2_format_double(x, i->count), i->hardware);
		if (i->vcpus)
			printf("  vCPUs        %d\n", i->vcpus);
		if (i->memory_gb != CO2_UNSET)
			printf("  memory       %s GB\n", co2_format_double(x, i->memory_gb));
		if (i->host_cpu || i->host_vcpus)
			printf("  host         %s, %d vCPUs\n", i->host_cpu ? i->host_cpu : "CPU not named",
			       i->host_vcpus);
		if (i->watts_source)
			printf("  package W    idle %g, 10%% %g, 50%% %g, 100%% %g\n  RAM W        idle %g, 10%% %g, 50%% %g, 100%% %g\n  watts from   %s (%d)\n",
			       i->package_w_idle, i->package_w_10, i->package_w_50, i->package_w_100,
			       i->ram_w_idle, i->ram_w_10, i->ram_w_50, i->ram_w_100, i->watts_source,
			       i->watts_year);
		if (i->note)
			printf("  note         %s\n", i->note);
		printf("  source       %s (%d)\n  edition      %s\n  file         %s:%d\n", i->source,
		       i->year, i->edition, i->file, i->line);
	} else {
		co2_db_close(db);
		return cli_usage_error("show: unknown kind '%s' (expected hardware, region, location or instance)", kind);
	}
	co2_db_close(db);
	if (fflush(stdout) != 0)
		return CO2_EXIT_FAILURE;
	return CO2_EXIT_OK;
fail:
	co2_db_close(db);
	return cli_fail(&err);
}
