package org.painlab.trial.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.painlab.core.importer.ImportException;
import org.painlab.core.importer.ImportProblem;
import org.painlab.trial.randomization.Allocation;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

/**
 * Reads an uploaded allocation list: CSV with the columns {@code seq,arm[,block,stratum]} (a header
 * line naming them is optional), one line per allocation, seq 1..n each exactly once. Every problem
 * is reported with its line and column.
 */
final class AllocationCsv {
    private AllocationCsv() {
    }

    /**
     * Reads the file.
     *
     * @param file the CSV file
     * @param arms the study's arm codes
     * @return the allocations by seq
     * @throws ImportException listing every problem
     * @throws IOException when the file cannot be read
     */
    public static List<Allocation> read(Path file, Set<String> arms) throws ImportException, IOException {
        String name = file.getFileName().toString();
        List<ImportProblem> problems = new ArrayList<>();
        List<Allocation> out = new ArrayList<>();
        Set<Integer> seqs = new HashSet<>();
        try (CsvReader<CsvRecord> csv = CsvReader.builder().allowExtraFields(true).allowMissingFields(true)
                .detectBomHeader(true).ofCsvRecord(file, StandardCharsets.UTF_8)) {
            boolean first = true;
            for (CsvRecord rec : csv) {
                long line = rec.getStartingLineNumber();
                List<String> f = rec.getFields();
                if (first) {
                    first = false;
                    String h = f.get(0).strip().replace("\uFEFF", "").toLowerCase(Locale.ROOT);
                    if (h.equals("seq")) {
                        continue;
                    }
                }
                if (f.size() == 1 && f.get(0).isBlank()) {
                    continue;
                }
                if (f.size() < 2 || f.size() > 4) {
                    problems.add(new ImportProblem(name, line, "seq", "expected 2 to 4 columns seq,arm[,block,stratum], found " + f.size()));
                    continue;
                }
                Integer seq = null;
                try {
                    seq = Integer.valueOf(f.get(0).strip());
                    if (seq < 1) {
                        problems.add(new ImportProblem(name, line, "seq", "seq must be 1 or more, was " + seq));
                        seq = null;
                    } else if (!seqs.add(seq)) {
                        problems.add(new ImportProblem(name, line, "seq", "seq " + seq + " appears more than once"));
                        seq = null;
                    }
                } catch (NumberFormatException e) {
                    problems.add(new ImportProblem(name, line, "seq", "not a whole number: '" + f.get(0) + "'"));
                }
                String arm = f.get(1).strip();
                if (!arms.contains(arm)) {
                    problems.add(new ImportProblem(name, line, "arm", "unknown arm '" + arm + "' (arms of the study: "
                            + String.join(", ", arms) + ")"));
                }
                Integer block = null;
                if (f.size() >= 3 && !f.get(2).isBlank()) {
                    try {
                        block = Integer.valueOf(f.get(2).strip());
                    } catch (NumberFormatException e) {
                        problems.add(new ImportProblem(name, line, "block", "not a whole number: '" + f.get(2) + "'"));
                    }
                }
                String stratum = f.size() == 4 && !f.get(3).isBlank() ? f.get(3).strip() : null;
                if (seq != null) {
                    out.add(new Allocation(seq, arm, block, stratum));
                }
            }
        }
        for (int s = 1; s <= seqs.size(); s++) {
            if (!seqs.contains(s)) {
                problems.add(new ImportProblem(name, 0, "seq", "seq " + s + " is missing: seq must run 1.." + seqs.size()
                        + " without gaps"));
                break;
            }
        }
        if (out.isEmpty() && problems.isEmpty()) {
            problems.add(new ImportProblem(name, 1, "seq", "the list is empty"));
        }
        if (!problems.isEmpty()) {
            throw new ImportException(problems);
        }
        out.sort((a, b) -> Integer.compare(a.seq(), b.seq()));
        return out;
    }
}
