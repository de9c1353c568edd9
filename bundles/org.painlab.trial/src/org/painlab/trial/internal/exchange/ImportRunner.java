package org.painlab.trial.internal.exchange;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;
import org.painlab.core.StudyException;
import org.painlab.core.importer.ImportException;
import org.painlab.core.importer.ImportLimitException;
import org.painlab.core.importer.ImportLimits;
import org.painlab.core.importer.ImportProblem;
import org.painlab.core.importer.ImportReport;
import org.painlab.core.importer.RefusedValue;
import org.painlab.core.importer.ImportSummary;
import org.painlab.trial.exchange.ImportOptions;
import org.painlab.trial.exchange.ImportPreview;
import org.painlab.trial.store.TrialDataException;
import org.painlab.trial.store.TrialStore;
import org.painlab.trial.store.VariableDefinition;

/**
 * Runs an import in two passes. Pass 1 reads the file, validates everything and collects every
 * problem; when there is any, the import is rejected with all of them and the study is not touched.
 * Pass 2 runs inside one transaction: it creates the design found in the file (arms, visits,
 * variables, schedule, when the study lacks them) and writes the subjects in large batches, one audit
 * row per subject naming the file and row. Pass 2 writes the subjects pass 1 checked and kept
 * ({@link KeptSubjects}) when they fitted the memory budget, else it reads and checks the file again.
 */
public final class ImportRunner {
    private final TrialStore store;
    private final ImportLimits limits;
    private final long keepBudget;

    /**
     * Creates a runner with the default size limits.
     *
     * @param store the store to import into
     */
    public ImportRunner(TrialStore store) {
        this(store, ImportLimits.defaults());
    }

    /**
     * Creates a runner.
     *
     * @param store the store to import into
     * @param limits how large a file may be
     */
    public ImportRunner(TrialStore store, ImportLimits limits) {
        this(store, limits, defaultKeepBudget());
    }

    /**
     * Creates a runner with a budget for the subjects kept between the passes.
     *
     * @param store the store to import into
     * @param limits how large a file may be
     * @param keepBudget how many bytes (estimated) the checked subjects may take between the passes; past
     *     it the file is read a second time (0: always read twice)
     */
    public ImportRunner(TrialStore store, ImportLimits limits, long keepBudget) {
        this.store = store;
        this.limits = limits;
        this.keepBudget = keepBudget;
    }

    /**
     * A quarter of the heap the JVM may grow to: a file within the size limits (100 MB by default) keeps
     * its subjects in a few hundred megabytes, and what is past the budget is read again, never refused.
     */
    private static long defaultKeepBudget() {
        return Runtime.getRuntime().maxMemory() / 4;
    }

    /**
     * Opens the source for a file, with the default size limits.
     *
     * @param file the file
     * @param options the options
     * @return the source
     */
    public static SubjectSource source(Path file, ImportOptions options) {
        return source(file, options, ImportLimits.defaults());
    }

    /**
     * Opens the source for a file.
     *
     * @param file the file
     * @param options the options
     * @param limits how large the file may be
     * @return the source
     */
    public static SubjectSource source(Path file, ImportOptions options, ImportLimits limits) {
        return switch (options.format()) {
            case CSV, XLSX -> {
                boolean xlsx = options.format() == org.painlab.trial.exchange.ExchangeFormat.XLSX;
                yield switch (options.layout()) {
                    case WIDE -> new WideSource(file, xlsx, options.mapping(), limits);
                    case LONG -> new LongSource(file, xlsx, options.mapping(), limits);
                };
            }
            case REDCAP -> new RedcapSource(file, options.dictionary() != null ? options.dictionary()
                    : RedcapSource.defaultDictionary(file), options.mapping(), limits);
            case ODM -> new OdmSource(file, options.mapping(), limits);
        };
    }

    /**
     * Imports a file.
     *
     * @param file the file
     * @param options the options
     * @param monitor progress and cancellation (cancelling rolls everything back)
     * @return what was added
     * @throws ImportException listing every problem (nothing was changed)
     * @throws StudyException when the study cannot be read or written
     */
    public ImportSummary run(Path file, ImportOptions options, IProgressMonitor monitor) throws ImportException, StudyException {
        String name = file.getFileName().toString();
        if (!Files.isRegularFile(file)) {
            throw new ImportException(List.of(new ImportProblem(name, 0, "", (Files.isDirectory(file) ? file.toAbsolutePath() + " is a folder, not a file" : "no such file: " + file.toAbsolutePath()))));
        }
        SubMonitor sub = SubMonitor.convert(monitor, "Importing " + name, 100);
        StudyState state = StudyState.load(store);
        if (state.datasetLocked()) {
            throw new ImportException(List.of(new ImportProblem(name, 0, "", "the study's dataset is locked: nothing can be imported")));
        }
        SubjectSource source = source(file, options, limits);
        SubMonitor check = sub.split(40);
        long[] seen = {0};
        java.util.Set<String> subjectIds = new java.util.HashSet<>();
        KeptSubjects kept = new KeptSubjects(keepBudget);
        ImportChecker first = ImportChecker.firstPass(source.fileName(), store.instruments(), state, (rec, raw, untyped) -> {
            if (rec != null) {
                subjectIds.add(rec.subject().id());
                kept.add(rec, raw, untyped);
            }
            if (++seen[0] % 1000 == 0) {
                check.setWorkRemaining(1000).worked(1);
                if (check.isCanceled()) {
                    throw new OperationCanceledException();
                }
            }
        });
        read(source, first);
        StudyRecords records = records(source, first);
        java.util.Set<String> visitIds = new java.util.HashSet<>(state.visits);
        visitIds.addAll(first.plan().visits().keySet());
        records.keepOptional(subjectIds, visitIds, first);
        ImportReport report = first.report();
        // a file that stopped being readable (a cut-off record, a size limit) is not accounted for past that point:
        // its own problem says why
        if (!report.balanced() && !first.hasProblems()) {
            first.problem(new Loc(0, ""), "values do not add up: " + report.valuesRead() + " read, " + report.valuesImported()
                    + " imported, " + report.refused().size() + " refused (nothing was imported; please report this file)");
        }
        if (first.hasProblems()) {
            throw new ImportException(all(first), report);
        }
        if (first.subjects() == 0) {
            List<ImportProblem> p = new ArrayList<>(first.refusalProblems());
            p.add(0, new ImportProblem(source.fileName(), 0, "", "the file holds no subjects"));
            throw new ImportException(p, report);
        }
        if (first.hasRefusals() && !options.acceptRefusals()) {
            throw new ImportException(first.refusalProblems(), report);
        }
        ImportChecker.Plan plan = first.plan();
        SubMonitor write = sub.split(60).setWorkRemaining((int) Math.min(Integer.MAX_VALUE, first.subjects() + 1));
        long[] written;
        try {
            written = store.edit(options.actor(), e -> {
                for (Map.Entry<String, String> a : plan.arms().entrySet()) {
                    e.addArm(a.getKey(), a.getValue(), null);
                }
                for (Map.Entry<String, String> v : plan.visits().entrySet()) {
                    e.addVisit(v.getKey(), v.getValue(), null);
                }
                for (VariableDefinition d : plan.variables().values()) {
                    e.defineVariable(d);
                }
                if (!plan.schedule().isEmpty()) {
                    Map<String, Integer> order = new LinkedHashMap<>();
                    for (String v : state.visits) {
                        order.put(v, order.size());
                    }
                    for (String v : plan.visits().keySet()) {
                        order.putIfAbsent(v, order.size());
                    }
                    List<String[]> entries = new ArrayList<>(plan.schedule());
                    entries.sort(Comparator.comparing((String[] x) -> order.getOrDefault(x[1], Integer.MAX_VALUE)));
                    for (String[] x : entries) {
                        e.schedule(x[0], x[1], x[2]);
                    }
                }
                write.worked(1);
                // subjects, baseline values, answers and observations written
                long[] counts = new long[4];
                KeptSubjects.Writer writer = (rec, line, recordId) -> {
                    e.importSubject(rec, "import of " + source.fileName() + " line " + line + " (record " + recordId + ")");
                    counts[0]++;
                    counts[1] += rec.baseline().size();
                    counts[2] += rec.answerCount();
                    counts[3] += rec.observations().size();
                    write.worked(1);
                    if (write.isCanceled()) {
                        throw new OperationCanceledException();
                    }
                };
                if (kept.complete()) {
                    kept.writeAll(plan.variables(), source.fileName(), writer);
                } else {
                    ImportChecker pass2 = first.secondPass((rec, raw, untyped) -> {
                        if (rec != null) {
                            writer.write(rec, raw.idLoc().row(), raw.id());
                        } else {
                            write.worked(1);
                        }
                    });
                    try {
                        source.read(pass2, -1);
                    } catch (IOException x) {
                        throw new StudyException(file + ": cannot be read (" + x.getMessage() + ")", x);
                    } catch (ImportLimitException x) {
                        pass2.problem(new Loc(0, ""), x.getMessage());
                    }
                    if (pass2.hasProblems()) {
                        throw new ImportAbort(pass2.problems());
                    }
                }
                for (RefusedValue r : report.refused()) {
                    e.logRefusedImportValue(r.record(), r.field(), r.value(), "refused on import of " + r.file() + " line "
                            + r.line() + " and accepted: " + r.reason());
                }
                try {
                    records.apply(e, source.fileName());
                } catch (TrialDataException x) {
                    // the message names the source and the first problem; the others follow
                    List<String> all = new ArrayList<>();
                    all.add(x.getMessage());
                    if (x.problems().size() > 1) {
                        all.addAll(x.problems().subList(1, x.problems().size()));
                    }
                    List<ImportProblem> p = new ArrayList<>();
                    for (String one : all) {
                        p.add(new ImportProblem(source.fileName(), 0, "", "study records (visit dates and locks, screening log, "
                                + "allocation list): " + one));
                    }
                    throw new ImportAbort(p);
                }
                return counts;
            });
        } catch (ImportAbort a) {
            throw new ImportException(a.problems(), report);
        }
        Map<String, Long> added = new LinkedHashMap<>();
        added.put("subjects", written[0]);
        added.put("variables", written[1]);
        added.put("answers", written[2]);
        added.put("observations", written[3]);
        added.put("arms", (long) plan.arms().size());
        added.put("visit_definitions", (long) plan.visits().size());
        added.put("variable_definitions", (long) plan.variables().size());
        records.count(added);



        return new ImportSummary("org.painlab.trial." + options.format().code(), added, report);
    }

    /** The study records the source carries, read once after the first pass; a file that cannot be read is a problem. */
    private static StudyRecords records(SubjectSource source, ImportChecker checker) {
        try {
            return source.records(checker);
        } catch (IOException | TableFormatException | ImportLimitException e) {
            checker.problem(new Loc(0, ""), "study records beside the data cannot be read: " + e.getMessage());
            return new StudyRecords();
        }
    }

    private static List<ImportProblem> all(ImportChecker c) {
        List<ImportProblem> p = new ArrayList<>(c.problems());
        p.addAll(c.refusalProblems());
        return p;
    }

    private static void read(SubjectSource source, ImportChecker checker) throws StudyException {
        try {
            source.read(checker, -1);
        } catch (IOException e) {
            checker.problem(new Loc(0, ""), "cannot be read: " + e.getMessage());
        } catch (ImportLimitException | TableFormatException e) {
            // a reader stopped at a limit (or a broken file) outside a source's own handling
            checker.problem(new Loc(e instanceof TableFormatException t ? t.row() : 0, ""), e.getMessage());
        }
    }

    /**
     * Reads the first subjects as they would be imported, with the problems found so far.
     *
     * @param file the file
     * @param options the options
     * @param maxSubjects how many subjects to show
     * @return the preview
     * @throws StudyException when the study cannot be read
     */
    public ImportPreview preview(Path file, ImportOptions options, int maxSubjects) throws StudyException {
        String name = file.getFileName().toString();
        if (!Files.isRegularFile(file)) {
            return new ImportPreview(List.of(), List.of(),
                    List.of(new ImportProblem(name, 0, "", (Files.isDirectory(file) ? file.toAbsolutePath() + " is a folder, not a file" : "no such file: " + file.toAbsolutePath()))), true);
        }
        StudyState state = StudyState.load(store);
        SubjectSource source = source(file, options, limits);
        List<String> columns = new ArrayList<>();
        java.util.Set<String> seenColumns = new java.util.HashSet<>();
        List<ImportPreview.Row> rows = new ArrayList<>();
        int limit = Math.max(0, maxSubjects);
        long[] subjects = {0};
        ImportChecker checker = ImportChecker.firstPass(source.fileName(), store.instruments(), state, (rec, raw, untyped) -> {
            if (++subjects[0] > limit) {
                return;
            }
            Map<String, String> values = new LinkedHashMap<>();
            values.put("subject_id", raw.id());
            raw.fields().forEach((k, c) -> values.put(k, c.raw()));
            raw.variables().forEach((k, c) -> values.put(k, c.raw()));
            for (RawSubject.AnswerCell a : raw.answers()) {
                var inst = store.instruments().find(a.instrument());
                boolean single = a.item() == null || a.item().isEmpty()
                        || (inst.isPresent() && inst.get().items().size() == 1 && inst.get().items().get(0).id().equals(a.item()));
                values.put(org.painlab.trial.exchange.ColumnNames.answerColumn(a.instrument(), a.visit(), single ? null : a.item()),
                        a.raw());
            }
            for (String k : values.keySet()) {
                if (seenColumns.add(k)) {
                    columns.add(k);
                }
            }
            rows.add(new ImportPreview.Row(raw.idLoc().row(), values));
        });
        // the whole file is checked so the counts and refusals are those the import will meet
        read(source, checker);
        // and the study records beside or inside it, whose problems would reject the import too
        records(source, checker);
        return new ImportPreview(columns, rows, all(checker), subjects[0] <= limit, checker.problems(), checker.report(),
                checker.formMapping());
    }
}
