package org.painlab.stats.cli.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.painlab.cli.CliFailure;
import org.painlab.cli.InputFiles;
import org.painlab.cli.Json;
import org.painlab.stats.Alternative;
import org.painlab.stats.StatisticalTest;
import org.painlab.stats.StatisticalTests;
import org.painlab.stats.TestInput;
import org.painlab.stats.TestOptions;
import org.painlab.stats.TestResult;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code painlab stats test METHOD --input FILE.json --json}: one statistical test on given data;
 * {@code --batch FILE.jsonl}: one test per line of a file, one result per line.
 */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = "Run one test (shapiro-wilk, levene, brown-forsythe, t-student, t-welch, mann-whitney, t-paired, "
                + "wilcoxon-signed-rank, t-one-sample, chi-square, g-test, fisher, linear-by-linear, cochran-armitage, anova, "
                + "welch-anova, kruskal-wallis, log-rank, roc-delong, or a contributed one).")
public final class StatsTestCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "METHOD", description = "The test; with --batch optional when every line has a \"method\".")
    String method;

    @Option(names = "--input", paramLabel = "FILE.json", description = "Input fields: x, y, groups, table_rows, mu, time/status/group, label/marker1/marker2 ...")
    Path input;

    @Option(names = "--batch", paramLabel = "FILE.jsonl", description = "One JSON object of input fields per line (optional keys: id, method, alternative, exact, correct, zero_method, conf_level); prints one JSON result per line, an \"error\" with the line number for a line that cannot be answered.")
    Path batch;

    @Option(names = "--alternative", defaultValue = "two-sided", description = "two-sided, less or greater (default: ${DEFAULT-VALUE}).")
    String alternative;

    @Option(names = "--exact", description = "Exact null distribution (rank tests).")
    boolean exact;

    @Option(names = "--correct", description = "Continuity correction (rank tests, Yates for chi-square).")
    boolean correct;

    @Option(names = "--zero-method", defaultValue = "wilcox", description = "Wilcoxon zeros: wilcox (drop) or pratt.")
    String zeroMethod;

    @Option(names = "--conf-level", defaultValue = "0.95", description = "Confidence level of intervals, between 0 and 1 (default: ${DEFAULT-VALUE}).")
    double confLevel;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Override
    public Integer call() {
        if ((input == null) == (batch == null)) {
            throw new ParameterException(spec.commandLine(), "give exactly one of --input FILE.json or --batch FILE.jsonl");
        }
        if (batch != null) {
            return runBatch();
        }
        if (method == null) {
            throw new ParameterException(spec.commandLine(), "METHOD is missing (e.g. t-welch; see painlab stats test --help)");
        }
        StatisticalTest test;
        try {
            test = new StatisticalTests().get(method);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "METHOD: " + e.getMessage());
        }
        TestOptions options = options();
        Json out = new Json();
        Map<String, Object> fields = read(out, input);
        TestResult result;
        try {
            result = test.run(TestInput.of(fields), options);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new CliFailure(input + ": " + UserTerms.of(e), e);
        } catch (RuntimeException e) {
            // a library's own exception (commons-math, commons-statistics) speaks of its internals
            throw new CliFailure(input + ": " + method + " cannot be computed from these values ("
                    + UserTerms.of(e) + ")", e);
        }
        checkComputed(result);
        if (json) {
            out.print(spec.commandLine().getOut(), result.toMap());
        } else {
            spec.commandLine().getOut().println(result);
        }
        return 0;
    }

    /** Every line answered in order; exit 1 when a line failed, after the others were answered. */
    private int runBatch() {
        if (method != null) {
            try {
                new StatisticalTests().get(method);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "METHOD: " + e.getMessage());
            }
        }
        TestBatch.Outcome outcome = new TestBatch(method, options()).run(batch, spec.commandLine().getOut());
        if (!outcome.failedLines().isEmpty()) {
            List<Integer> lines = outcome.failedLines();
            spec.commandLine().getErr().println("painlab: " + batch + ": " + lines.size() + " of "
                    + (lines.size() + outcome.answered()) + " lines not answered (lines "
                    + lines.stream().limit(20).map(String::valueOf).collect(java.util.stream.Collectors.joining(", "))
                    + (lines.size() > 20 ? ", ..." : "") + "); see their \"error\"");
            return 1;
        }
        return 0;
    }

    /** Option values are usage: a wrong one exits 2 with the allowed values, before any input is read. */
    private TestOptions options() {
        Alternative alt;
        try {
            alt = Alternative.parse(alternative);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--alternative: '" + alternative
                    + "' is not one of two-sided, less, greater");
        }
        if (!(confLevel > 0 && confLevel < 1)) {
            throw new ParameterException(spec.commandLine(), "--conf-level: " + confLevel
                    + " is not a confidence level; expected a number between 0 and 1 (exclusive), e.g. 0.95");
        }
        if (!"wilcox".equals(zeroMethod) && !"pratt".equals(zeroMethod)) {
            throw new ParameterException(spec.commandLine(), "--zero-method: '" + zeroMethod + "' is not one of wilcox, pratt");
        }
        return TestOptions.defaults().withAlternative(alt).withExact(exact ? Boolean.TRUE : null).withCorrect(correct)
                .withZeroMethod(zeroMethod).withConfLevel(confLevel);
    }

    /** A statistic or P that is not a number would print as null with exit 0: nothing to show is a failure. */
    private void checkComputed(TestResult result) {
        boolean badP = Double.isNaN(result.pValue());
        boolean badStatistic = result.statistic() != null && Double.isNaN(result.statistic());
        if (badP || badStatistic) {
            throw new CliFailure(input + ": " + method + " gave no result for these values (the "
                    + (badStatistic ? "statistic" : "P value") + " is not a number); check that the values are not all"
                    + " equal and are within the range of double precision");
        }
    }

    /** Reads a JSON object of input fields; shared with {@link StatsPlotCommand}, which takes the same input. */
    static Map<String, Object> read(Json json, Path file) {
        return InputFiles.jsonObject(file, "input fields");
    }
}
