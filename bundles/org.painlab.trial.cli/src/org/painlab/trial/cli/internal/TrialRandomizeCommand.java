package org.painlab.trial.cli.internal;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.painlab.cli.CliFailure;
import org.painlab.cli.Json;
import org.painlab.trial.randomization.AllocationList;
import org.painlab.trial.randomization.AllocationRequest;
import org.painlab.trial.randomization.Randomizer;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code painlab trial randomize}: a seeded, reproducible allocation list. */
@Command(name = "randomize", mixinStandardHelpOptions = true,
        description = "Generate a reproducible allocation list (simple, permuted blocks, or stratified permuted blocks).")
public final class TrialRandomizeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--n", required = true, description = "Number of allocations.")
    int n;

    @Option(names = "--arms", required = true, split = ",", description = "Arm codes, e.g. S,P.")
    List<String> arms;

    @Option(names = "--ratio", defaultValue = "", description = "Allocation ratio, e.g. 1:1 or 2:1 (default equal).")
    String ratio;

    @Option(names = "--blocks", description = "Block sizes drawn at random per block, e.g. 4,6 (default: simple randomization).")
    String blocks;

    @Option(names = "--strata", split = ",", paramLabel = "FILE:COL", description = "CSV file and column giving each seq's stratum (row i = seq i); several combine.")
    List<String> strata;

    @Option(names = "--seed", required = true)
    long seed;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Override
    public Integer call() {
        AllocationList list;
        try {
            AllocationRequest.Builder b = AllocationRequest.builder().n(n).arms(arms).seed(seed);
            if (!ratio.isBlank()) {
                b.ratio(ratio);
            }
            if (blocks != null) {
                b.blockSizes(AllocationRequest.parseBlockSizes(blocks));
                if (strata != null && !strata.isEmpty()) {
                    String[] labels = readStrata();
                    b.strata(seq -> labels[seq - 1]);
                    b.method(AllocationRequest.Method.STRATIFIED_PERMUTED_BLOCKS);
                } else {
                    b.method(AllocationRequest.Method.PERMUTED_BLOCKS);
                }
            } else {
                if (strata != null && !strata.isEmpty()) {
                    throw new CliFailure("--strata needs --blocks: stratified randomization uses permuted blocks per stratum");
                }
                b.method(AllocationRequest.Method.SIMPLE);
            }
            list = Randomizer.allocate(b.build());
        } catch (IllegalArgumentException e) {
            throw new CliFailure(e.getMessage(), e);
        }
        Map<String, Object> m = list.toMap();
        if (json) {
            new Json().print(spec.commandLine().getOut(), m);
        } else {
            var out = spec.commandLine().getOut();
            out.println("seq,arm,block,stratum");
            list.allocations().forEach(a -> out.println(a.seq() + "," + a.arm() + "," + (a.block() == null ? "" : a.block())
                    + "," + (a.stratum() == null ? "" : a.stratum())));
        }
        return 0;
    }

    private String[] readStrata() {
        String[] labels = new String[n];
        Arrays.fill(labels, "");
        for (String spec : strata) {
            int colon = spec.lastIndexOf(':');
            if (colon <= 0) {
                throw new CliFailure("--strata: expected FILE:COLUMN, found '" + spec + "'");
            }
            Path file = Path.of(spec.substring(0, colon));
            String column = spec.substring(colon + 1);
            List<String> values = new ArrayList<>();
            try (Reader r = new java.io.StringReader(org.painlab.cli.InputFiles.text(file));
                    CsvReader<NamedCsvRecord> csv = CsvReader.builder().ofNamedCsvRecord(r)) {
                long line = 1;
                for (NamedCsvRecord rec : csv) {
                    line++;
                    var v = rec.findField(column);
                    if (v.isEmpty()) {
                        throw new CliFailure(file + ": line " + line + ": column '" + column + "' is missing (header: " + rec.getHeader() + ")");
                    }
                    if (v.get().isBlank()) {
                        throw new CliFailure(file + ": line " + line + ": column '" + column + "': empty stratum");
                    }
                    values.add(v.get().trim());
                }
            } catch (IOException e) {
                throw new CliFailure(file + ": cannot be read (" + e.getMessage() + ")", e);
            }
            if (values.size() < n) {
                throw new CliFailure(file + ": column '" + column + "' has " + values.size() + " rows, --n needs " + n);
            }
            for (int i = 0; i < n; i++) {
                labels[i] = labels[i].isEmpty() ? values.get(i) : labels[i] + "|" + values.get(i);
            }
        }
        return labels;
    }
}
