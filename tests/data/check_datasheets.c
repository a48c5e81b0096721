/* The bundled accelerator figures against their datasheets, TPU slice names, and the
 * machine figures of the cloud instance types (issue 12, items 3 to 6). Each accelerator
 * below was read by hand from the page in its comment. */
#include <string.h>

#include "check_main.h"
#include "co2calc/co2calc.h"

/* db: the built-in data, opened by setup() and closed by teardown(). */
CO2_TEST_DEFAULT_DB

typedef struct sheet {
	const char *given;      /* as nvidia-smi, rocm-smi or a paper writes it */
	const char *name;       /* the entry it finds */
	double power_w;         /* per device as the tools list devices */
	const char *power_type;
} sheet;

static const sheet sheets[] = {
	/* NVIDIA A100 datasheet (nvidia-a100-datasheet-us-nvidia-1758950-r4-web.pdf): SXM4 400 W
	 * TDP, PCIe 40 GB 250 W. */
	{ "NVIDIA A100-SXM4-80GB", "NVIDIA A100 SXM4 80GB", 400, "tdp" },
	{ "NVIDIA A100-PCIE-40GB", "NVIDIA A100 PCIe 40GB", 250, "tdp" },
	/* NVIDIA H100 Tensor Core GPU datasheet: SXM up to 700 W, PCIe 300-350 W. */
	{ "NVIDIA H100 80GB HBM3", "NVIDIA H100 SXM5", 700, "tdp" },
	{ "NVIDIA H100 PCIe", "NVIDIA H100 PCIe", 350, "tdp" },
	/* nvidia.com/en-us/data-center/h200: H200 SXM up to 700 W. */
	{ "NVIDIA H200", "NVIDIA H200 SXM", 700, "tdp" },
	/* Volta V100 datasheet (volta-v100-datasheet-update-us-1165301-r5.pdf): SXM2 300 W,
	 * PCIe 250 W. */
	{ "Tesla V100-SXM2-32GB", "NVIDIA V100 SXM2 32GB", 300, "tdp" },
	{ "Tesla V100-PCIE-16GB", "NVIDIA V100 PCIe 16GB", 250, "tdp" },
	/* T4 datasheet (t4-tensor-core-datasheet-951643.pdf): 70 W. */
	{ "Tesla T4", "NVIDIA T4", 70, "tdp" },
	/* L4 product brief PB-11316-001: 72 W max power. */
	{ "NVIDIA L4", "NVIDIA L4", 72, "board-power" },
	/* L40 datasheet (vgpu-L40-datasheet.pdf): 300 W; L40S datasheet: 350 W. */
	{ "NVIDIA L40", "NVIDIA L40", 300, "board-power" },
	{ "NVIDIA L40S", "NVIDIA L40S", 350, "board-power" },
	/* A10 datasheet (nvidia-a10-datasheet.pdf): 150 W. */
	{ "NVIDIA A10", "NVIDIA A10", 150, "tdp" },
	/* No A10G datasheet: nvidia-smi -q on EC2 G5 gives a 300 W default and maximum power
	 * limit (NVIDIA/k8s-device-plugin issue 344 log). */
	{ "NVIDIA A10G", "NVIDIA A10G", 300, "power-limit" },
	/* A16 datasheet (vgpu-a16-datasheet.pdf): 250 W for the board of four GPUs. */
	{ "NVIDIA A16", "NVIDIA A16", 62.5, "board-power" },
	/* A40 datasheet (nvidia-a40-datasheet.pdf): 300 W max power consumption. */
	{ "NVIDIA A40", "NVIDIA A40", 300, "board-power" },
	/* Tesla K80 board spec BD-07317-001 v05: 300 W for the board of two GK210 GPUs. */
	{ "Tesla K80", "NVIDIA Tesla K80", 150, "board-power" },
	/* Tesla M60 datasheet (188417-Tesla-M60-DS-A4-fnl-Web.pdf): 300 W maximum, two GPUs. */
	{ "Tesla M60", "NVIDIA Tesla M60", 150, "board-power" },
	/* Tesla M40 datasheet (nvidia-teslam40-datasheet.pdf): 250 W. */
	{ "Tesla M40", "NVIDIA Tesla M40", 250, "board-power" },
	/* Tesla P40 datasheet (nvidia-p40-datasheet.pdf): 250 W. */
	{ "Tesla P40", "NVIDIA Tesla P40", 250, "board-power" },
	/* Quadro P6000 data sheet (192152-NV-DS-Quadro-P6000-...pdf): 250 W max power. */
	{ "Quadro P6000", "NVIDIA Quadro P6000", 250, "board-power" },
	/* Quadro GV100 data sheet (quadro-volta-gv100-data-sheet-us-nvidia-704619-r3-web.pdf):
	 * 250 W. */
	{ "Quadro GV100", "NVIDIA Quadro GV100", 250, "board-power" },
	/* RTX A6000 datasheet (proviz-print-nvidia-rtx-a6000-datasheet...pdf): 300 W. */
	{ "NVIDIA RTX A6000", "NVIDIA RTX A6000", 300, "board-power" },
	/* geforce-gtx-1080-ti/specifications: graphics card power 250 W;
	 * geforce-gtx-1070/specifications: 150 W. */
	{ "NVIDIA GeForce GTX 1080 Ti", "NVIDIA GeForce GTX 1080 Ti", 250, "board-power" },
	{ "GeForce GTX 1070", "NVIDIA GeForce GTX 1070", 150, "board-power" },
	/* nvidia.com/en-us/titan/titan-xp: 250 W. */
	{ "NVIDIA TITAN Xp", "NVIDIA TITAN Xp", 250, "board-power" },
	/* GeForce compare page: RTX 4090 450 W, RTX 3090 350 W total graphics power. */
	{ "NVIDIA GeForce RTX 4090", "NVIDIA GeForce RTX 4090", 450, "board-power" },
	{ "NVIDIA GeForce RTX 3090", "NVIDIA GeForce RTX 3090", 350, "board-power" },
	/* GeForce laptops compare page: RTX 4090 Laptop GPU 80-150 W (the maximum is kept). */
	{ "NVIDIA GeForce RTX 4090 Laptop GPU", "NVIDIA GeForce RTX 4090 Laptop GPU", 150,
	  "board-power" },
	/* amd.com Instinct MI250X page: 560 W peak per OAM module of two GCDs; MI250: 500 W. */
	{ "AMD Instinct MI250X", "AMD Instinct MI250X", 280, "board-power" },
	{ "AMD Instinct MI250", "AMD Instinct MI250", 250, "board-power" },
	/* amd.com Instinct MI300X page: 750 W peak board power. */
	{ "AMD Instinct MI300X", "AMD Instinct MI300X", 750, "board-power" },
	/* cloud.google.com/tpu/docs/v4: measured min/mean/max power 90/170/192 W. */
	{ "TPU v4", "Google TPU v4", 170, "measured-average" },
	/* cloud.google.com/tpu/docs/v6e publishes no power: an estimate, never a TDP. */
	{ "TPU v6e", "Google TPU v6e", 480, "estimate" },
};

START_TEST(accelerators_match_their_datasheets)
{
	const sheet *s = &sheets[_i];
	const co2_hardware *h;
	co2_error err;
	ck_assert_msg(co2_db_find_hardware(&h, db, NULL, s->given, &err) == CO2_OK, "%s: %s",
	              s->given, err.message);
	ck_assert_str_eq(h->name, s->name);
	ck_assert_str_eq(h->edition, "co2calc");
	ck_assert_msg(h->power_w == s->power_w, "%s: %g W, datasheet %g W", s->name, h->power_w,
	              s->power_w);
	ck_assert_str_eq(h->power_type, s->power_type);
}
END_TEST

START_TEST(estimates_are_marked_and_explained_never_tdp)
{
	size_t n, estimates = 0;
	const co2_hardware *h = co2_db_hardware_list(db, &n);
	for (size_t i = 0; i < n; i++) {
		if (strcmp(h[i].power_type, "estimate") != 0)
			continue;
		estimates++;
		ck_assert_msg(h[i].uncertain && h[i].note, "%s: an estimate without its reasoning",
		              h[i].name);
	}
	ck_assert_uint_ge(estimates, 25);
	/* The chips no vendor gives a figure for. */
	static const char *const est[] = { "TPU v5e", "TPU v5p", "TPU v6e", "TPU7x", "Trainium",
		"Trainium2", "Trainium3", "Inferentia", "Inferentia2", "Apple M1", "Apple M4 Max" };
	for (size_t i = 0; i < sizeof est / sizeof est[0]; i++) {
		const co2_hardware *x;
		co2_error err;
		ck_assert_msg(co2_db_find_hardware(&x, db, NULL, est[i], &err) == CO2_OK, "%s",
		              err.message);
		ck_assert_str_eq(x->power_type, "estimate");
	}
}
END_TEST

START_TEST(an_estimate_and_a_power_limit_say_what_they_are_in_the_factors)
{
	static const char *const hw[] = { "TPU v5e", "NVIDIA A10G" };
	static const char *const want[] = { "estimate", "power limit" };
	for (int k = 0; k < 2; k++) {
		co2_run run;
		co2_run_init(&run);
		co2_run_add_device(&run, hw[k], 1, CO2_UNSET);
		run.hours = 1;
		run.location = "FR";
		co2_result r;
		co2_result_init(&r);
		co2_error err;
		ck_assert_msg(co2_estimate(db, &run, &r, &err) == CO2_OK, "%s", err.message);
		int seen = 0;
		for (size_t i = 0; i < r.n_factors; i++)
			if (r.factors[i].note && strstr(r.factors[i].note, want[k])) {
				seen = 1;
				ck_assert_str_ne(r.factors[i].note, "TDP");
			}
		ck_assert_msg(seen, "%s: no factor says '%s'", hw[k], want[k]);
	}
}
END_TEST

typedef struct slice_case {
	const char *name;
	const char *chip;   /* entry in the co2calc edition */
	double chips;
	int per_chip;
} slice_case;

static const slice_case slices[] = {
	{ "v2-8", "Google TPU v2", 4, 2 },          /* TensorCores, 2 per chip */
	{ "v3-8", "Google TPU v3", 4, 2 },
	{ "v4-32", "Google TPU v4", 16, 2 },
	{ "v5p-128", "Google TPU v5p", 64, 2 },
	{ "v5litepod-16", "Google TPU v5e", 16, 1 }, /* chips */
	{ "v6e-8", "Google TPU v6e", 8, 1 },
	{ "tpu7x-8", "Google TPU7x (Ironwood)", 4, 2 },
	{ "gcp:v3-32", "Google TPU v3", 16, 2 },
	{ "V4-8", "Google TPU v4", 4, 2 },
};

START_TEST(tpu_slice_names_give_the_chip_and_the_chips)
{
	const slice_case *c = &slices[_i];
	co2_tpu_slice s;
	co2_error err;
	ck_assert_msg(co2_db_find_tpu_slice(&s, db, NULL, c->name, &err) == CO2_OK, "%s: %s",
	              c->name, err.message);
	ck_assert_str_eq(s.hardware->name, c->chip);
	ck_assert_double_eq(s.chips, c->chips);
	ck_assert_int_eq(s.per_chip, c->per_chip);
	ck_assert_ptr_nonnull(strstr(s.rule, c->per_chip == 2 ? "TensorCores, 2 per chip" : "chips"));
	ck_assert_ptr_nonnull(strstr(s.source, "cloud.google.com/tpu/docs/"));
}
END_TEST

START_TEST(other_names_are_not_slices_and_odd_counts_are_refused)
{
	co2_tpu_slice s;
	co2_error err;
	static const char *const not_slices[] = { "A100", "TPU v3", "v3", "v3-", "v9-8", "v3-8x",
		"H100 SXM5", "v5e-8", "" };
	for (size_t i = 0; i < sizeof not_slices / sizeof not_slices[0]; i++)
		ck_assert_msg(co2_db_find_tpu_slice(&s, db, NULL, not_slices[i], &err) ==
		              CO2_ERR_NOT_FOUND, "%s", not_slices[i]);
	static const char *const bad[] = { "v3-7", "v4-0", "tpu7x-3", "v6e-0" };
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		ck_assert_int_eq(co2_db_find_tpu_slice(&s, db, NULL, bad[i], &err), CO2_ERR_INVALID);
		ck_assert_ptr_nonnull(strstr(err.message, bad[i]));
	}
}
END_TEST

START_TEST(a_slice_in_an_estimate_counts_chips_and_says_the_rule)
{
	co2_run run;
	co2_run_init(&run);
	co2_run_add_device(&run, "v3-8", 2, CO2_UNSET); /* two v3-8 slices */
	run.hours = 10;
	run.location = "FR";
	co2_result r;
	co2_result_init(&r);
	co2_error err;
	ck_assert_msg(co2_estimate(db, &run, &r, &err) == CO2_OK, "%s", err.message);
	ck_assert_uint_eq(r.n_parts, 1);
	ck_assert_double_eq(r.parts[0].count, 8);
	ck_assert_double_eq(r.parts[0].unit_power_w, 283);
	int seen = 0;
	for (size_t i = 0; i < r.n_factors; i++)
		if (strcmp(r.factors[i].name, "v3-8") == 0) {
			seen = 1;
			ck_assert_double_eq(r.factors[i].value, 4);
			ck_assert_str_eq(r.factors[i].note, "the number counts TensorCores, 2 per chip");
		}
	ck_assert(seen);
	/* ML CO2 Impact's own TPU v2 (its edition) for v2-8: the BERT-base run of the seed. */
	co2_run bert;
	co2_run_init(&bert);
	co2_run_add_device(&bert, "v2-8", CO2_UNSET, CO2_UNSET);
	bert.hours = 96;
	bert.region = "gcp:asia-east1";
	bert.method = CO2_METHOD_MLCO2;
	ck_assert_msg(co2_estimate(db, &bert, &r, &err) == CO2_OK, "%s", err.message);
	ck_assert_double_eq_tol(r.co2_kg, 47.52, 1e-9);
}
END_TEST

START_TEST(every_instance_type_describes_its_machine)
{
	size_t n, co2calc = 0, with_watts = 0;
	const co2_instance *in = co2_db_instances(db, &n);
	for (size_t i = 0; i < n; i++) {
		if (strcmp(in[i].edition, "co2calc") != 0)
			continue;
		co2calc++;
		ck_assert_msg(in[i].vcpus > 0 && in[i].memory_gb > 0 && in[i].host_vcpus >= in[i].vcpus,
		              "%s: vCPUs, memory or host vCPUs missing", in[i].id);
		/* Google names no CPU model for its TPU hosts; everyone else's is named. */
		if (strncmp(in[i].id, "gcp:ct", 6) != 0 && strncmp(in[i].id, "gcp:tpu", 7) != 0)
			ck_assert_msg(in[i].host_cpu != NULL, "%s: no host CPU", in[i].id);
		if (in[i].watts_source) {
			with_watts++;
			ck_assert(in[i].package_w_idle <= in[i].package_w_100);
			ck_assert(in[i].ram_w_idle <= in[i].ram_w_100);
		}
	}
	ck_assert_uint_eq(co2calc, 134);
	ck_assert_uint_eq(with_watts, 28);

	/* CCF aws-instances.csv, g4dn.xlarge: 4 of 96 vCPUs of a Xeon Platinum 8259CL, 16 GB,
	 * package 2.28 / 5.75 / 12.79 / 18.56 W and RAM 2.49 / 4.12 / 7.37 / 10.62 W. */
	const co2_instance *g;
	co2_error err;
	ck_assert_msg(co2_db_find_instance(&g, db, NULL, "aws:g4dn.xlarge", &err) == CO2_OK, "%s",
	              err.message);
	ck_assert_int_eq(g->vcpus, 4);
	ck_assert_int_eq(g->host_vcpus, 96);
	ck_assert_double_eq(g->memory_gb, 16);
	ck_assert_str_eq(g->host_cpu, "Intel Xeon Platinum 8259CL");
	ck_assert_double_eq(g->package_w_idle, 2.28);
	ck_assert_double_eq(g->package_w_100, 18.56);
	ck_assert_double_eq(g->ram_w_50, 7.37);
	ck_assert_double_eq(g->ram_w_100, 10.62);

	/* Every GPU type of CCF's tables is here, e.g. Azure NV6 (half an M60) and AWS G3. */
	static const char *const ids[] = { "azure:Standard_NV6", "azure:Standard_NC24r_Promo",
		"azure:Standard_ND24rs", "aws:g3.16xlarge", "aws:g2.8xlarge", "aws:g4ad.16xlarge" };
	static const double counts[] = { 1, 4, 4, 4, 4, 4 };
	for (size_t i = 0; i < sizeof ids / sizeof ids[0]; i++) {
		ck_assert_msg(co2_db_find_instance(&g, db, NULL, ids[i], &err) == CO2_OK, "%s",
		              err.message);
		ck_assert_double_eq(g->count, counts[i]);
	}
}
END_TEST

static Suite *datasheets_suite(void)
{
	Suite *s = suite_create("datasheets");
	TCase *t = tcase_create("core");
	tcase_add_checked_fixture(t, setup, teardown);
	tcase_add_loop_test(t, accelerators_match_their_datasheets, 0,
	                    (int)(sizeof sheets / sizeof sheets[0]));
	tcase_add_test(t, estimates_are_marked_and_explained_never_tdp);
	tcase_add_test(t, an_estimate_and_a_power_limit_say_what_they_are_in_the_factors);
	tcase_add_loop_test(t, tpu_slice_names_give_the_chip_and_the_chips, 0,
	                    (int)(sizeof slices / sizeof slices[0]));
	tcase_add_test(t, other_names_are_not_slices_and_odd_counts_are_refused);
	tcase_add_test(t, a_slice_in_an_estimate_counts_chips_and_says_the_rule);
	tcase_add_test(t, every_instance_type_describes_its_machine);
	suite_add_tcase(s, t);
	return s;
}

CO2_CHECK_MAIN(datasheets_suite)
