package org.painlab.stats.cli.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

import org.painlab.cli.CliFailure;
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
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.core.JacksonException;

/** {@code painlab stats test METHOD --input FILE.json --json}: one statistical test on given data. */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = "Run one test (shapiro-wilk, levene, brown-forsythe, t-student, t-welch, mann-whitney, t-paired, "
                + "wilcoxon-signed-rank, t-one-sample, chi-square, g-test, fisher, linear-by-linear, cochran-armitage, anova, "
                + "welch-anova, kruskal-wallis, log-rank, roc-delong, or a contributed one).")
public final class StatsTestCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "METHOD")
    String method;

    @Option(names = "--input", required = true, paramLabel = "FILE.json", description = "Input fields: x, y, groups, table_rows, mu, time/status/group, label/marker1/marker2 ...")
    Path input;

    @Option(names = "--alternative", defaultValue = "two-sided", description = "two-sided, less or greater (default: ${DEFAULT-VALUE}).")
    String alternative;

    @Option(names = "--exact", description = "Exact null distribution (rank tests).")
    boolean exact;

    @Option(names = "--correct", description = "Continuity correction (rank tests, Yates for chi-square).")
    boolean correct;

    @Option(names = "--zero-method", defaultValue = "wilcox", description = "Wilcoxon zeros: wilcox (drop) or pratt.")
    String zeroMethod;

    @Option(names = "--conf-level", defaultValue = "0.95")
    double confLevel;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Override
    public Integer call() {
        StatisticalTest test;
        try {
            test = new StatisticalTests().get(method);
        } catch (IllegalArgumentException e) {
            throw new CliFailure("METHOD: " + e.getMessage());
        }
        Json out = new Json();
        Map<String, Object> fields = read(out, input);
        TestResult result;
        try {
            TestOptions options = TestOptions.defaults().withAlternative(Alternative.parse(alternative))
                    .withExact(exact ? Boolean.TRUE : null).withCorrect(correct).withZeroMethod(zeroMethod)
                    .withConfLevel(confLevel);
            result = test.run(TestInput.of(fields), options);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new CliFailure(input + ": " + e.getMessage(), e);
        }
        if (json) {
            out.print(spec.commandLine().getOut(), result.toMap());
        } else {
            spec.commandLine().getOut().println(result);
        }
        return 0;
    }

    /** Reads a JSON object of input fields; shared with {@link StatsPlotCommand}, which takes the same input. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> read(Json json, Path file) {
        try {
            Object parsed = json.mapper().readValue(Files.readString(file), Object.class);
            if (!(parsed instanceof Map<?, ?> m)) {
                throw new CliFailure(file + ": expected a JSON object of input fields");
            }
            return (Map<String, Object>) m;
        } catch (IOException e) {
            throw new CliFailure(file + ": cannot be read (" + e.getMessage() + ")", e);
        } catch (JacksonException e) {
            throw new CliFailure(file + ": not valid JSON (" + e.getOriginalMessage() + ")", e);
        }
    }
}
