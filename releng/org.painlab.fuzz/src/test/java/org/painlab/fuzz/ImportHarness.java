package org.painlab.fuzz;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.painlab.core.Study;
import org.painlab.core.StudyException;
import org.painlab.core.importer.ImportException;
import org.painlab.core.importer.ImportLimits;
import org.painlab.core.importer.ImportProblem;
import org.painlab.core.importer.ImportReport;
import org.painlab.core.importer.ImportSummary;
import org.painlab.core.store.StudySchema;
import org.painlab.trial.exchange.ImportOptions;
import org.painlab.trial.exchange.TrialExchange;
import org.painlab.trial.instrument.ComplicationsInstrument;
import org.painlab.trial.instrument.JoaInstrument;
import org.painlab.trial.instrument.MacNabInstrument;
import org.painlab.trial.instrument.NrsInstrument;
import org.painlab.trial.instrument.OdiInstrument;
import org.painlab.trial.instrument.Sf36Instrument;
import org.painlab.trial.instrument.VasInstrument;
import org.painlab.trial.store.InstrumentCatalog;
import org.painlab.trial.store.TrialStore;

/**
 * Imports one fuzzed file into an empty study through the public API ({@link TrialExchange}) and
 * checks the oracle every importer must meet:
 * <ul>
 * <li>the only way to refuse a file is {@link ImportException} with at least one problem naming the
 * file (any other exception, a {@link StudyException} included, is a finding);</li>
 * <li>every value read is imported or refused ({@link ImportReport#balanced()}), on success and on
 * a refusal for refused values only (a file refused for what it is, a size limit or a record cut off,
 * was not read to its end), and the importer never reports that its own
 * count does not add up;</li>
 * <li>a successful import added at least one subject.</li>
 * </ul>
 * While fuzzing, one study takes every input (making a study costs a third of a second, a refused
 * import a hundredth), so a later input may meet subjects an earlier one imported: that only adds
 * problems. In regression mode every corpus file meets a new, empty study (JUnit makes a harness per
 * file), so a finding kept in the corpus reproduces from its file alone.
 */
final class ImportHarness implements AutoCloseable {
    private final Path work;
    private Path studyDir;
    private Study study;
    private int studies;

    ImportHarness() throws IOException, StudyException {
        // in memory when the machine has a tmpfs: the study's database is written on every import
        Path shm = Path.of("/dev/shm");
        this.work = Files.isDirectory(shm) && Files.isWritable(shm) ? Files.createTempDirectory(shm, "painlab-fuzz")
                : Files.createTempDirectory("painlab-fuzz");
        newStudy();
    }

    private void newStudy() throws StudyException {
        studyDir = work.resolve("study-" + (++studies));
        study = Study.create(studyDir, "fuzz", schemas());
    }

    private static List<StudySchema> schemas() {
        List<StudySchema> out = new ArrayList<>();
        for (String name : List.of("org.painlab.core.internal.CoreSchema", "org.painlab.trial.internal.store.TrialSchema")) {
            try {
                out.add((StudySchema) Class.forName(name).getConstructor().newInstance());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("schema " + name + " not found on the class path", e);
            }
        }
        return out;
    }

    private TrialExchange exchange() {
        InstrumentCatalog instruments = InstrumentCatalog.of(List.of(new VasInstrument(), new NrsInstrument(), new OdiInstrument(),
                new JoaInstrument(), new Sf36Instrument(), new MacNabInstrument(), new ComplicationsInstrument()));
        return new TrialExchange(new TrialStore(study, instruments));
    }

    /**
     * Writes a file of the work folder.
     *
     * @param name its name
     * @param bytes its content
     * @return its path
     * @throws IOException when it cannot be written
     */
    Path file(String name, byte[] bytes) throws IOException {
        Path f = work.resolve(name);
        Files.write(f, bytes);
        return f;
    }

    /**
     * Imports a file and checks the oracle (an {@link AssertionError} is a finding).
     *
     * @param file the file
     * @param options how to read it
     * @throws StudyException a finding: bad input must never fail the store
     * @throws IOException when the study cannot be made anew
     */
    void importAndCheck(Path file, ImportOptions options) throws StudyException, IOException {
        ImportSummary summary;
        try {
            summary = exchange().importFile(file, options, null);
        } catch (ImportException e) {
            check(!e.problems().isEmpty(), "refused without a problem: " + e.getMessage());
            for (ImportProblem p : e.problems()) {
                check(p.file() != null && !p.file().isEmpty() && p.rule() != null && !p.rule().isBlank(), "a problem without file or rule: " + p);
                // the importer's own count check (not a file's text quoting those words: the fuzzer tried that)
                check(!(p.record() == 0 && p.field().isEmpty() && p.rule().startsWith("values do not add up: ")),
                        "the importer lost count: " + p);
            }
            // a file refused for what it is (a size limit, a cut-off record, XML that breaks off) was not read
            // to its end, so its count may end mid-record; a file refused only for its refused values must add up
            boolean stoppedAtLimit = e.problems().stream().anyMatch(p -> ImportLimits.isLimitMessage(p.rule()));
            java.util.Set<String> refusalReasons = new java.util.HashSet<>();
            e.report().refused().forEach(v -> refusalReasons.add(v.reason()));
            boolean fileProblems = e.problems().stream().anyMatch(p -> !refusalReasons.contains(p.rule()));
            check(stoppedAtLimit || fileProblems || e.report().balanced(), "refused, and the values do not add up: " + e.report().valuesRead() + " read, "
                    + e.report().valuesImported() + " importable, " + e.report().refused().size() + " refused");
            return;
        }
        ImportReport r = summary.report();
        check(r.balanced(), "imported, and values were lost: " + r.valuesRead() + " read, " + r.valuesImported() + " imported, "
                + r.refused().size() + " refused");
        Long subjects = summary.added().get("subjects");
        check(subjects != null && subjects > 0, "an import that succeeded added no subject: " + summary.added());
    }

    private static void check(boolean ok, String finding) {
        if (!ok) {
            throw new AssertionError(finding);
        }
    }

    @Override
    public void close() throws IOException {
        study.close();
        delete(work);
    }

    private static void delete(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder; the next run uses another
        }
    }
}
