package org.painlab.stats.internal.tests;

import org.apache.commons.statistics.inference.GTest;
import org.apache.commons.statistics.inference.SignificanceResult;
import org.painlab.stats.StatisticalTest;
import org.painlab.stats.TestInput;
import org.painlab.stats.TestOptions;
import org.painlab.stats.TestResult;
import org.painlab.stats.internal.math.ContingencyTable;

/** Likelihood-ratio (G) test of independence of table_rows: G = 2 sum O ln(O/E), chi-square df (r-1)(c-1). */
public final class LikelihoodRatioGTest implements StatisticalTest {

    @Override
    public String id() {
        return "g-test";
    }

    @Override
    public String name() {
        return "Likelihood-ratio G test";
    }

    @Override
    public String description() {
        return "Tests independence of rows and columns of the table in field 'table_rows' by the likelihood ratio"
                + " G = 2 sum O ln(O/E) (SPSS 'Likelihood Ratio'), without Williams' correction.";
    }

    @Override
    public TestResult run(TestInput input, TestOptions options) {
        ContingencyTable table = new ContingencyTable(input.table());
        SignificanceResult r = GTest.withDefaults().test(table.counts());
        TestResult.Builder b = TestResult.builder(id())
                .statistic("G", r.getStatistic())
                .df((table.rows() - 1) * (table.cols() - 1))
                .pValue(r.getPValue());
        ContingencyExtras.add(b, table, options.confLevel(), true);
        return b.build();
    }
}
