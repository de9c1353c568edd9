package org.painlab.stats.cli.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.painlab.cli.CliFailure;
import org.painlab.cli.Json;
import org.painlab.stats.StatisticalTests;
import org.painlab.stats.TestInput;
import org.painlab.stats.TestOptions;
import org.painlab.stats.TestResult;
import org.painlab.core.chart.Chart;
import org.painlab.stats.chart.KaplanMeierChart;
import org.painlab.stats.chart.KmCurve;
import org.painlab.core.chart.RocChart;
import org.painlab.core.chart.RocCurve;
import org.painlab.core.chart.SvgPainter;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code painlab stats plot km|roc --input FILE.json --out FILE.svg}: the Kaplan–Meier or ROC
 * chart of the same input as {@code stats test log-rank} / {@code stats test roc-delong}, whose
 * registered tests give the numbers. SVG only: PNG needs SWT, which the headless CLI does not load.
 */
@Command(name = "plot", mixinStandardHelpOptions = true,
        description = "Draw a Kaplan-Meier (km, input as log-rank) or ROC (roc, input as roc-delong) chart as SVG.")
public final class StatsPlotCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "KIND", description = "km or roc")
    String kind;

    @Option(names = "--input", required = true, paramLabel = "FILE.json",
            description = "km: time, status (1 event, 0 censored), group; roc: label (1 case, 0 control), marker1 (or x), marker2")
    Path input;

    @Option(names = "--out", required = true, paramLabel = "FILE.svg", description = "The chart, as SVG.")
    Path out;

    @Option(names = "--title", description = "Chart title (default: by kind).")
    String title;

    // picocli passes descriptions through String.format: "%%" prints one "%" (a lone "%" prints a WARN)
    @Option(names = "--ci", description = "km: shade the 95%% confidence band (log) of each curve.")
    boolean ci;

    @Option(names = "--width", defaultValue = "900")
    int width;

    @Option(names = "--height", defaultValue = "560")
    int height;

    @Option(names = "--json", description = "Print one JSON object (file, series, test result).")
    boolean json;

    @Override
    public Integer call() {
        String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".png")) {
            throw new CliFailure(out + ": PNG needs the workbench's SWT renderer, which the headless CLI does not load;"
                    + " write .svg (and convert it), or export PNG from the Analysis view");
        }
        if (!name.endsWith(".svg")) {
            throw new CliFailure(out + ": charts are written as .svg");
        }
        if (width < 200 || height < 150) {
            throw new CliFailure("--width/--height: at least 200 x 150 px, not " + width + " x " + height);
        }
        String method = switch (kind) {
            case "km" -> "log-rank";
            case "roc" -> "roc-delong";
            default -> throw new CliFailure("KIND: km or roc, not '" + kind + "'");
        };
        Json printer = new Json();
        TestInput fields = TestInput.of(StatsTestCommand.read(printer, input));
        TestResult result;
        Chart chart;
        int series;
        try {
            result = new StatisticalTests().get(method).run(fields, TestOptions.defaults());
            if (method.equals("log-rank")) {
                List<KmCurve> curves = KmCurve.fromLogRank(result, fields);
                chart = new KaplanMeierChart(title != null ? title : "Kaplan–Meier survival", "Time", curves, ci,
                        result.pValue(), 0.95);
                series = curves.size();
            } else {
                List<RocCurve> curves = org.painlab.stats.chart.RocCurves.fromDeLong(result, fields);
                String foot = curves.size() == 2
                        ? String.format(Locale.ROOT, "DeLong test of AUC1 = AUC2: Z = %.3f, %s.", result.statistic(),
                                formatP(result.pValue()))
                        : String.format(Locale.ROOT, "%d cases, %d controls; AUC CI by DeLong.",
                                (int) result.extraDouble("n_cases"), (int) result.extraDouble("n_controls"));
                chart = new RocChart(title != null ? title : "ROC curve" + (curves.size() > 1 ? "s" : ""), curves, foot);
                series = curves.size();
            }
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new CliFailure(input + ": " + e.getMessage(), e);
        }
        try {
            Files.writeString(out, SvgPainter.render(chart, width, height), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CliFailure(out + ": cannot be written (" + e.getMessage() + ")", e);
        }
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kind", kind);
            m.put("out", out.toAbsolutePath().toString());
            m.put("width", width);
            m.put("height", height);
            m.put("series", series);
            m.put("result", result.toMap());
            printer.print(spec.commandLine().getOut(), m);
        } else {
            spec.commandLine().getOut().println("Wrote " + out + " (" + series + (kind.equals("km") ? " groups" : " markers") + ")");
        }
        return 0;
    }

    private static String formatP(double p) {
        return p < 0.001 ? "P < 0.001" : String.format(Locale.ROOT, "P = %.3f", p);
    }
}
