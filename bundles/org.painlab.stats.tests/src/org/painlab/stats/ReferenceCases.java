package org.painlab.stats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * Translates each case of stats/reference.json into runs of our methods and the R values they
 * must reproduce. The reference outputs are shaped per tool (htest lists, hand-made summaries,
 * coin and pROC objects), so each family of cases has its own small adapter here.
 */
final class ReferenceCases {

    /** Relative tolerance for closed-form statistics. */
    static final double TOL = 1e-9;
    /** SciPy and R agree to ~1e-9 on Shapiro-Wilk; the reference suggests 1e-6. */
    static final double TOL_SHAPIRO = 1e-6;

    private ReferenceCases() {
    }

    /**
     * Power and sample-size cases belong to org.painlab.stats.power (another component):
     * power_t_test_two_sample_n, power_t_test_two_sample_power, power_t_test_paired_n,
     * sample_size_two_means_normal.
     *
     * @param id case id
     * @return true for those cases
     */
    static boolean isPowerCase(String id) {
        return id.startsWith("power_") || id.startsWith("sample_size_");
    }

    /**
     * @param c one case of the reference file
     * @return the variants to run; empty when no adapter knows the case (the caller fails then)
     */
    static List<ReferenceVariant> variants(JsonNode c) {
        String id = c.get("id").stringValue();
        JsonNode in = c.get("input");
        JsonNode out = c.get("output");
        List<ReferenceVariant> v = new ArrayList<>();
        TestOptions defaults = TestOptions.defaults();
        if (id.startsWith("shapiro_wilk")) {
            v.add(variant(c, "default", "shapiro-wilk", defaults, TOL_SHAPIRO)
                    .expect("W", out.get("W"), TestResult::statistic)
                    .expect("p_value", out.get("p_value"), TestResult::pValue));
        } else if (id.startsWith("levene_mean") || id.startsWith("brown_forsythe_median")) {
            String method = id.startsWith("levene") ? "levene" : "brown-forsythe";
            v.add(variant(c, "default", method, defaults, TOL)
                    .expect("F", out.get("F"), TestResult::statistic)
                    .expect("df1", out.get("df1"), TestResult::df)
                    .expect("df2", out.get("df2"), TestResult::df2)
                    .expect("p_value", out.get("p_value"), TestResult::pValue)
                    .expect("hand_check F", out.at("/hand_check_anova_abs_dev/F"), TestResult::statistic)
                    .expect("hand_check p", out.at("/hand_check_anova_abs_dev/p_value"), TestResult::pValue));
        } else if (id.startsWith("t_student_two_sample")) {
            v.add(htest(variant(c, "default", "t-student", alternativeOf(out), TOL), out));
        } else if (id.equals("t_welch_two_sample")) {
            v.add(htest(variant(c, "default", "t-welch", alternativeOf(out), TOL), out));
        } else if (id.equals("t_paired")) {
            v.add(htest(variant(c, "pre/post", "t-paired", alternativeOf(out), TOL), out));
        } else if (id.equals("t_one_sample")) {
            v.add(htest(variant(c, "mu", "t-one-sample", alternativeOf(out), TOL), out));
        } else if (id.startsWith("wilcoxon_signed_rank_exact_noties")) {
            v.add(htest(variant(c, "exact", "wilcoxon-signed-rank", alternativeOf(out).withExact(true), TOL), out));
        } else if (id.equals("wilcoxon_signed_rank_normal_cc_noties")) {
            v.add(htest(variant(c, "asymptotic cc", "wilcoxon-signed-rank",
                    alternativeOf(out).withExact(false).withCorrect(true), TOL), out));
        } else if (id.equals("wilcoxon_signed_rank_normal_nocc_noties")) {
            v.add(htest(variant(c, "asymptotic no cc", "wilcoxon-signed-rank",
                    alternativeOf(out).withExact(false).withCorrect(false), TOL), out));
        } else if (id.equals("wilcoxon_signed_rank_ties_zeros_normal")) {
            signedRankTiesNormal(c, out, v);
        } else if (id.equals("wilcoxon_signed_rank_ties_zeros_exact")) {
            signedRankTiesExact(c, out, v);
        } else if (id.startsWith("mann_whitney_exact_noties")) {
            v.add(htest(variant(c, "exact", "mann-whitney", alternativeOf(out).withExact(true), TOL), out)
                    .expect("U_x", out.get("U_x"), r -> r.extra("U"))
                    .expect("U_y", out.get("U_y"), r -> r.extra("U_y")));
        } else if (id.equals("mann_whitney_asymptotic_noties")) {
            v.add(variant(c, "no cc (default)", "mann-whitney", defaults, TOL)
                    .expect("W", out.get("W"), TestResult::statistic)
                    .expect("p_no_cc", out.get("p_no_cc"), TestResult::pValue));
            v.add(variant(c, "cc", "mann-whitney", defaults.withCorrect(true), TOL)
                    .expect("W", out.get("W"), TestResult::statistic)
                    .expect("p_cc", out.get("p_cc"), TestResult::pValue));
        } else if (id.equals("mann_whitney_ties")) {
            mannWhitneyTies(c, out, v);
        } else if (id.startsWith("chisq_")) {
            chiSquare(c, id, out, v);
        } else if (id.equals("fisher_2x2")) {
            for (String alt : out.propertyNames()) {
                JsonNode o = out.get(alt);
                v.add(htest(variant(c, alt, "fisher", defaults.withAlternative(Alternative.parse(alt)), TOL), o));
            }
        } else if (id.startsWith("fisher_")) {
            v.add(htest(variant(c, "default", "fisher", defaults, TOL), out));
        } else if (id.equals("cochran_armitage_trend")) {
            cochranArmitage(c, in, out, v);
        } else if (id.startsWith("linear_by_linear")) {
            ReferenceVariant lbl = variant(c, "default", "linear-by-linear", defaults, TOL)
                    .expect("r", out.get("r"), r -> r.extra("r"))
                    .expect("M2", out.get("M2"), TestResult::statistic)
                    .expect("df", out.get("df"), TestResult::df)
                    .expect("p_value", out.get("p_value"), TestResult::pValue);
            if (out.has("coin_lbl_test")) {
                // coin's Z has the opposite sign convention (it orders the table differently);
                // its chi-square and p are the comparable quantities
                lbl.expect("coin chisq", out.at("/coin_lbl_test/chisq"), TestResult::statistic)
                        .expect("coin p_value", out.at("/coin_lbl_test/p_value"), TestResult::pValue);
            }
            v.add(lbl);
        } else if (id.equals("anova_oneway")) {
            v.add(variant(c, "default", "anova", defaults, TOL)
                    .expect("F", out.get("F"), TestResult::statistic)
                    .expect("df_between", out.get("df_between"), TestResult::df)
                    .expect("df_within", out.get("df_within"), TestResult::df2)
                    .expect("SS_between", out.get("SS_between"), r -> r.extra("SS_between"))
                    .expect("SS_within", out.get("SS_within"), r -> r.extra("SS_within"))
                    .expect("MS_between", out.get("MS_between"), r -> r.extra("MS_between"))
                    .expect("MS_within", out.get("MS_within"), r -> r.extra("MS_within"))
                    .expect("p_value", out.get("p_value"), TestResult::pValue));
        } else if (id.equals("anova_welch")) {
            v.add(htest(variant(c, "default", "welch-anova", defaults, TOL), out));
        } else if (id.startsWith("kruskal_wallis")) {
            ReferenceVariant kw = htest(variant(c, "default", "kruskal-wallis", defaults, TOL), out);
            for (String key : List.of("H_uncorrected", "tie_correction_factor", "rank_sums")) {
                if (out.has(key)) {
                    kw.expect(key, out.get(key), r -> r.extra(key));
                }
            }
            v.add(kw);
        } else if (id.equals("roc_delong")) {
            rocDeLong(c, in, out, v);
        } else if (id.equals("roc_delong_small")) {
            v.add(variant(c, "one marker (field x)", "roc-delong", defaults, TOL)
                    .expect("auc", out.get("auc"), r -> r.extra("auc1"))
                    .expect("auc estimate", out.get("auc"), r -> r.estimate().get("AUC"))
                    .expect("var_delong", out.get("var_delong"), r -> r.extra("var_auc1"))
                    .expect("ci95", out.get("ci95"), r -> r.extra("ci95_auc1")));
        } else if (id.equals("kaplan_meier_logrank")) {
            survival(c, out, v);
        }
        return v;
    }

    private static void signedRankTiesNormal(JsonNode c, JsonNode out, List<ReferenceVariant> v) {
        TestOptions defaults = TestOptions.defaults();
        v.add(variant(c, "no cc (default, SPSS)", "wilcoxon-signed-rank", defaults, TOL)
                .expect("V_plus", out.get("V_plus"), TestResult::statistic)
                .expect("V_minus", out.get("V_minus"), r -> r.extra("V_minus"))
                .expect("n_nonzero", out.get("n_nonzero"), r -> r.extra("n"))
                .expect("n_zero", out.get("n_zero"), r -> r.extra("n_zero"))
                .expect("expected_V", out.get("expected_V"), r -> r.extra("mean_V"))
                .expect("sd_V_tie_corrected", out.get("sd_V_tie_corrected"), r -> r.extra("sd_V"))
                .expect("z_no_cc", out.get("z_no_cc"), r -> r.extra("Z"))
                .expect("p_no_cc", out.get("p_no_cc"), TestResult::pValue));
        v.add(variant(c, "cc", "wilcoxon-signed-rank", defaults.withCorrect(true), TOL)
                .expect("V_plus", out.get("V_plus"), TestResult::statistic)
                .expect("z_cc", out.get("z_cc"), r -> r.extra("Z"))
                .expect("p_cc", out.get("p_cc"), TestResult::pValue));
        // ranks_abs_nonzero are intermediate values that the result does not expose
    }

    private static void signedRankTiesExact(JsonNode c, JsonNode out, List<ReferenceVariant> v) {
        TestOptions exact = TestOptions.defaults().withExact(true);
        v.add(variant(c, "coin wilcoxon zeros exact", "wilcoxon-signed-rank", exact, TOL)
                .expect("Z", out.at("/coin_wilcoxon_zero_exact/Z"), r -> r.extra("Z"))
                .expect("p_value", out.at("/coin_wilcoxon_zero_exact/p_value"), TestResult::pValue));
        v.add(variant(c, "coin wilcoxon zeros exact greater", "wilcoxon-signed-rank",
                exact.withAlternative(Alternative.GREATER), TOL)
                .expect("p_value", out.at("/coin_wilcoxon_zero_exact_greater/p_value"), TestResult::pValue));
        v.add(variant(c, "coin pratt exact", "wilcoxon-signed-rank", exact.withZeroMethod("pratt"), TOL)
                .expect("Z", out.at("/coin_pratt_exact/Z"), r -> r.extra("Z"))
                .expect("p_value", out.at("/coin_pratt_exact/p_value"), TestResult::pValue));
        v.add(variant(c, "coin pratt asymptotic", "wilcoxon-signed-rank",
                TestOptions.defaults().withZeroMethod("pratt"), TOL)
                .expect("Z", out.at("/coin_pratt_asymptotic/Z"), r -> r.extra("Z"))
                .expect("p_value", out.at("/coin_pratt_asymptotic/p_value"), TestResult::pValue));
        v.add(variant(c, "exactRankTests exact", "wilcoxon-signed-rank", exact, TOL)
                .expect("V", out.at("/exactRankTests_wilcox_exact/V"), TestResult::statistic)
                .expect("p_value", out.at("/exactRankTests_wilcox_exact/p_value"), TestResult::pValue));
    }

    private static void mannWhitneyTies(JsonNode c, JsonNode out, List<ReferenceVariant> v) {
        TestOptions defaults = TestOptions.defaults();
        v.add(variant(c, "no cc (default, SPSS)", "mann-whitney", defaults, TOL)
                .expect("U_x", out.get("U_x"), TestResult::statistic)
                .expect("U_y", out.get("U_y"), r -> r.extra("U_y"))
                .expect("rank_sum_x", out.get("rank_sum_x"), r -> r.extra("rank_sum_x"))
                .expect("mean_U", out.get("mean_U"), r -> r.extra("mean_U"))
                .expect("sd_U_tie_corrected", out.get("sd_U_tie_corrected"), r -> r.extra("sd_U"))
                .expect("z_no_cc", out.get("z_no_cc"), r -> r.extra("Z"))
                .expect("p_no_cc", out.get("p_no_cc"), TestResult::pValue)
                .expect("coin asymptotic Z", out.at("/coin_asymptotic/Z"), r -> r.extra("Z"))
                .expect("coin asymptotic p", out.at("/coin_asymptotic/p_value"), TestResult::pValue));
        v.add(variant(c, "cc", "mann-whitney", defaults.withCorrect(true), TOL)
                .expect("p_cc", out.get("p_cc"), TestResult::pValue));
        TestOptions exact = defaults.withExact(true);
        v.add(variant(c, "exact conditional", "mann-whitney", exact, TOL)
                .expect("coin Z", out.at("/coin_exact_conditional/Z"), r -> r.extra("Z"))
                .expect("coin p", out.at("/coin_exact_conditional/p_value"), TestResult::pValue)
                .expect("exactRankTests W", out.at("/exactRankTests_exact/W"), TestResult::statistic)
                .expect("exactRankTests p", out.at("/exactRankTests_exact/p_value"), TestResult::pValue));
        v.add(variant(c, "exact conditional less", "mann-whitney", exact.withAlternative(Alternative.LESS), TOL)
                .expect("coin_exact_less", out.get("coin_exact_less"), TestResult::pValue));
        v.add(variant(c, "exact conditional greater", "mann-whitney", exact.withAlternative(Alternative.GREATER),
                TOL).expect("coin_exact_greater", out.get("coin_exact_greater"), TestResult::pValue));
        // exact_two_sided_as_doubled_min_one_sided is SciPy's convention, which the case notes
        // differs from coin/exactRankTests; we follow coin and so do not compare it
    }

    private static void chiSquare(JsonNode c, String id, JsonNode out, List<ReferenceVariant> v) {
        TestOptions options = TestOptions.defaults().withCorrect(id.equals("chisq_2x2_yates"));
        ReferenceVariant chi = htest(variant(c, options.correct() ? "Yates" : "Pearson", "chi-square", options, TOL),
                out).expect("expected", out.get("expected"), r -> r.extra("expected"));
        if (out.has("stdres")) {
            chi.expect("stdres", out.get("stdres"), r -> r.extra("stdres"));
        }
        v.add(chi);
        if (out.has("G")) {
            v.add(variant(c, "likelihood ratio", "g-test", TestOptions.defaults(), TOL)
                    .expect("G", out.get("G"), TestResult::statistic)
                    .expect("G_df", out.get("G_df"), TestResult::df)
                    .expect("G_p_value", out.get("G_p_value"), TestResult::pValue));
        }
    }

    private static void cochranArmitage(JsonNode c, JsonNode in, JsonNode out, List<ReferenceVariant> v) {
        v.add(htest(variant(c, "prop.trend.test", "cochran-armitage", TestOptions.defaults(), TOL), out)
                .expect("Z", out.get("Z"), r -> r.extra("Z"))
                .expect("Z_sq", out.get("Z_sq"), TestResult::statistic));
        // the (N-1)/N version is the linear-by-linear statistic of the same data as a k x 2 table
        Map<String, Object> table = new LinkedHashMap<>();
        List<Object> rows = new ArrayList<>();
        for (int i = 0; i < in.get("events").size(); i++) {
            long events = in.get("events").get(i).longValue();
            long total = in.get("totals").get(i).longValue();
            rows.add(List.of(events, total - events));
        }
        table.put("table_rows", rows);
        List<Object> scores = new ArrayList<>();
        in.get("scores").forEach(s -> scores.add(s.doubleValue()));
        table.put("row_scores", scores);
        v.add(new ReferenceVariant(c.get("id").stringValue(), "N-1 version as linear-by-linear", "linear-by-linear",
                table, TestOptions.defaults(), TOL)
                .expect("chisq_N_minus_1_version", out.get("chisq_N_minus_1_version"), TestResult::statistic)
                .expect("p_N_minus_1_version", out.get("p_N_minus_1_version"), TestResult::pValue));
    }

    private static void rocDeLong(JsonNode c, JsonNode in, JsonNode out, List<ReferenceVariant> v) {
        v.add(variant(c, "paired markers", "roc-delong", TestOptions.defaults(), TOL)
                .expect("auc1", out.get("auc1"), r -> r.extra("auc1"))
                .expect("auc1_mann_whitney_check", out.get("auc1_mann_whitney_check"), r -> r.extra("auc1"))
                .expect("auc2", out.get("auc2"), r -> r.extra("auc2"))
                .expect("var_auc1_delong", out.get("var_auc1_delong"), r -> r.extra("var_auc1"))
                .expect("var_auc2_delong", out.get("var_auc2_delong"), r -> r.extra("var_auc2"))
                .expect("cov_auc1_auc2_delong", out.get("cov_auc1_auc2_delong"), r -> r.extra("cov"))
                .expect("ci95_auc1_delong", out.get("ci95_auc1_delong"), r -> r.extra("ci95_auc1"))
                .expect("ci95_auc2_delong", out.get("ci95_auc2_delong"), r -> r.extra("ci95_auc2"))
                .expect("se_auc1", out.get("se_auc1"), r -> r.extra("se_auc1"))
                .expect("se_auc2", out.get("se_auc2"), r -> r.extra("se_auc2"))
                .expect("paired Z", out.at("/delong_paired_test/Z"), TestResult::statistic)
                .expect("paired p_value", out.at("/delong_paired_test/p_value"), TestResult::pValue));
        // delong_unpaired_test compares curves from independent samples; with one label vector
        // the paired test is the right one and the only one offered
        Map<String, Object> single = new LinkedHashMap<>(ReferenceData.toMap(in));
        single.remove("marker2");
        v.add(new ReferenceVariant(c.get("id").stringValue(), "marker1 alone", "roc-delong", single,
                TestOptions.defaults(), TOL)
                .expect("auc1", out.get("auc1"), r -> r.estimate().get("AUC"))
                .expect("var_auc1_delong", out.get("var_auc1_delong"), r -> r.extra("var_auc1"))
                .expect("ci95_auc1_delong", out.get("ci95_auc1_delong"), r -> r.extra("ci95_auc1"))
                .expect("ci95_auc1_delong as conf_int", out.get("ci95_auc1_delong"), TestResult::confInt));
    }

    private static void survival(JsonNode c, JsonNode out, List<ReferenceVariant> v) {
        JsonNode lr = out.get("logrank");
        ReferenceVariant logRank = variant(c, "log-rank (rho 0)", "log-rank", TestOptions.defaults(), TOL)
                .expect("chisq", lr.get("chisq"), TestResult::statistic)
                .expect("df", lr.get("df"), TestResult::df)
                .expect("p_value", lr.get("p_value"), TestResult::pValue)
                .expect("observed", lr.get("observed"), r -> r.extra("observed"))
                .expect("expected", lr.get("expected"), r -> r.extra("expected"))
                .expect("variance_matrix", lr.get("variance_matrix"), r -> r.extra("variance"));
        List<String> strata = new ArrayList<>();
        for (JsonNode s : lr.get("strata_order")) {
            strata.add(s.stringValue().replaceFirst("^group=", ""));
        }
        logRank.expect("strata_order", ReferenceData.toTree(strata), r -> r.extra("groups"));
        String[][] kmFields = {
            {"time", "time"}, {"n_risk", "n_risk"}, {"n_event", "n_event"}, {"surv", "surv"},
            {"std_err_greenwood", "std_err"}, {"lower95_log", "lower_log"}, {"upper95_log", "upper_log"},
            {"lower95_loglog", "lower_loglog"}, {"upper95_loglog", "upper_loglog"}};
        for (JsonNode stratum : out.get("km")) {
            String group = stratum.get("stratum").stringValue().replaceFirst("^group=", "");
            for (String[] f : kmFields) {
                logRank.expect("km " + group + " " + f[0], stratum.get(f[0]), r -> kmValue(r, group, f[1]));
            }
        }
        for (String group : out.get("median_survival").propertyNames()) {
            logRank.expect("median " + group, out.at("/median_survival/" + group),
                    r -> mapValue(r, "median_survival", group));
            logRank.expect("median CI (log) " + group, out.at("/median_ci_log/" + group),
                    r -> mapValue(r, "median_ci", group));
        }
        v.add(logRank);
        JsonNode pp = out.get("peto_peto_rho1");
        v.add(variant(c, "Peto-Peto (rho 1)", "log-rank", TestOptions.defaults().withExtra("rho", 1), TOL)
                .expect("chisq", pp.get("chisq"), TestResult::statistic)
                .expect("p_value", pp.get("p_value"), TestResult::pValue));
    }

    /** The comparable parts of an R htest: statistic, parameter(s), p, estimates, interval. */
    private static ReferenceVariant htest(ReferenceVariant v, JsonNode out) {
        if (out.has("statistic")) {
            v.expect("statistic", out.get("statistic"), TestResult::statistic);
        }
        JsonNode parameter = out.get("parameter");
        if (parameter != null) {
            for (String name : parameter.propertyNames()) {
                Function<TestResult, Object> read = name.equals("denom df") ? TestResult::df2 : TestResult::df;
                v.expect("parameter " + name, parameter.get(name), read);
            }
        }
        v.expect("p_value", out.get("p_value"), TestResult::pValue);
        JsonNode estimate = out.get("estimate");
        if (estimate != null) {
            for (String name : estimate.propertyNames()) {
                v.expect("estimate " + name, estimate.get(name), r -> r.estimate().get(name));
            }
        }
        if (out.has("conf_int")) {
            v.expect("conf_int", out.get("conf_int"), TestResult::confInt);
        }
        if (out.has("alternative")) {
            String alt = Alternative.parse(out.get("alternative").stringValue()).id();
            v.expect("alternative", ReferenceData.toTree(alt),
                    r -> r.alternative() == null ? null : r.alternative().id());
        }
        return v;
    }

    private static ReferenceVariant variant(JsonNode c, String name, String method, TestOptions options,
            double tolerance) {
        return new ReferenceVariant(c.get("id").stringValue(), name, method, ReferenceData.toMap(c.get("input")),
                options, tolerance);
    }

    private static TestOptions alternativeOf(JsonNode out) {
        JsonNode alt = out.get("alternative");
        TestOptions options = TestOptions.defaults();
        return alt == null ? options : options.withAlternative(Alternative.parse(alt.stringValue()));
    }

    @SuppressWarnings("unchecked")
    private static Object kmValue(TestResult r, String group, String field) {
        for (Object o : (List<Object>) r.extra("km")) {
            Map<String, Object> m = (Map<String, Object>) o;
            if (group.equals(m.get("group"))) {
                return m.get(field);
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static Object mapValue(TestResult r, String extra, String key) {
        return ((Map<String, Object>) r.extra(extra)).get(key);
    }
}
