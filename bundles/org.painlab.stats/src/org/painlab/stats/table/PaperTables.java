package org.painlab.stats.table;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.painlab.stats.internal.plan.ArmSplit;
import org.painlab.stats.internal.plan.CharacteristicsTableBuilder;
import org.painlab.stats.internal.plan.ComparisonRunner;
import org.painlab.stats.internal.plan.EfficacyTableBuilder;
import org.painlab.stats.internal.plan.OverTimeTableBuilder;
import org.painlab.stats.internal.plan.PlanValidator;
import org.painlab.stats.internal.plan.TableContext;
import org.painlab.core.data.SubjectData;
import org.painlab.stats.plan.AnalysisPlan;
import org.painlab.stats.plan.TableSection;
import org.painlab.stats.plan.TestCatalog;
import org.painlab.stats.plan.TestOverride;
import org.painlab.stats.plan.VariableSpec;

/**
 * Runs the analysis plan on a study's data and lays out the tables of the paper: baseline
 * characteristics (Table 1), pain over time, function and quality of life, other outcomes over
 * time, complications and efficacy. Tables without variables are left out; numbering follows
 * the tables present. The plan is checked against the data first, so a report either comes out
 * whole or not at all.
 *
 * @since 0.1
 */
public final class PaperTables {

    private final TestCatalog catalog;
    private final int parallelFrom;

    /** Uses the installed tests (the {@link org.painlab.stats.StatisticalTests} registry). */
    public PaperTables() {
        this(TestCatalog.installed());
    }

    /** @param catalog where tests are looked up */
    public PaperTables(TestCatalog catalog) {
        this(catalog, PARALLEL_FROM);
    }

    /** For tests: the size from which tables are built in parallel. */
    PaperTables(TestCatalog catalog, int parallelFrom) {
        this.catalog = catalog;
        this.parallelFrom = parallelFrom;
    }

    /**
     * @param data the data
     * @param plan the plan
     * @return the report
     * @throws IllegalArgumentException when the plan does not fit the data
     */
    public PaperReport build(SubjectData data, AnalysisPlan plan) {
        return build(data, plan, new NullProgressMonitor());
    }

    /**
     * Builds the tables, checking {@code monitor} before each table so a user can cancel a
     * long run (nothing is stored by this class, so a cancelled build leaves nothing behind).
     *
     * @param data the data
     * @param plan the plan
     * @param monitor checked for cancellation; reports one unit per table
     * @return the report
     * @throws IllegalArgumentException when the plan does not fit the data
     * @throws OperationCanceledException when {@code monitor} is cancelled
     * @since 0.1
     */
    public PaperReport build(SubjectData data, AnalysisPlan plan, IProgressMonitor monitor) {
        SubMonitor sub = SubMonitor.convert(monitor, TableSection.values().length + 1);
        PlanValidator.check(plan, data, catalog);
        List<String> arms = plan.armsIn(data);
        ArmSplit split = new ArmSplit(data, data.population(plan.population()), arms);
        TableContext ctx = new TableContext(plan, new ComparisonRunner(plan, catalog, split), arms,
                plan.controlIn(data), split.armSizes());
        String pop = " (" + plan.population() + ")";
        List<Callable<Table>> work = new ArrayList<>();
        for (TableSection section : TableSection.values()) {
            List<VariableSpec> specs = plan.variables(section);
            if (specs.isEmpty()) {
                continue;
            }
            String title = "Table " + (work.size() + 1) + ". " + title(section, arms) + pop;
            work.add(() -> switch (section) {
                case BASELINE -> new CharacteristicsTableBuilder(ctx).build(section.id(), title, specs, true);
                case COMPLICATIONS -> new CharacteristicsTableBuilder(ctx).build(section.id(), title, specs, false);
                case EFFICACY -> new EfficacyTableBuilder(ctx).build(section.id(), title, specs);
                case PAIN, FUNCTION, OUTCOMES -> new OverTimeTableBuilder(ctx).build(section.id(), title, specs);
            });
        }
        List<Table> tables = buildAll(work, data.size() >= parallelFrom, sub);
        List<Integer> sizes = new ArrayList<>();
        for (int n : split.armSizes()) {
            sizes.add(n);
        }
        return new PaperReport(plan.title(), plan.population(), arms, sizes, data.simulated(), data.description(),
                planSummary(plan, data), tables);
    }

    /** Below this many subjects a table takes milliseconds: threads would cost more than they save. */
    private static final int PARALLEL_FROM = 20_000;

    /**
     * Builds the tables, on all cores for large data (each table's comparisons are independent, and the arm
     * split they share is thread-safe); the monitor is asked before each table, as in a sequential build.
     */
    private static List<Table> buildAll(List<Callable<Table>> work, boolean parallel, SubMonitor sub) {
        int threads = Math.min(work.size(), Runtime.getRuntime().availableProcessors());
        List<Table> tables = new ArrayList<>();
        if (!parallel || threads < 2) {
            for (Callable<Table> w : work) {
                checkCanceled(sub);
                try {
                    tables.add(w.call());
                } catch (Exception e) {
                    throw rethrow(e);
                }
            }
            checkCanceled(sub);
            return tables;
        }
        AtomicBoolean cancelled = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "paper tables");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Table>> futures = new ArrayList<>();
            for (Callable<Table> w : work) {
                futures.add(pool.submit(() -> {
                    if (cancelled.get()) {
                        throw new OperationCanceledException();
                    }
                    return w.call();
                }));
            }
            for (Future<Table> f : futures) {
                if (sub.isCanceled()) {
                    cancelled.set(true);
                    throw new OperationCanceledException();
                }
                sub.worked(1);
                try {
                    tables.add(f.get());
                } catch (ExecutionException e) {
                    throw rethrow(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    cancelled.set(true);
                    throw new OperationCanceledException();
                }
            }
            checkCanceled(sub);
            return tables;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void checkCanceled(SubMonitor sub) {
        if (sub.isCanceled()) {
            throw new OperationCanceledException();
        }
        sub.worked(1);
    }

    private static RuntimeException rethrow(Throwable e) {
        if (e instanceof RuntimeException r) {
            return r;
        }
        if (e instanceof Error err) {
            throw err;
        }
        return new IllegalStateException(e);
    }

    private static String title(TableSection section, List<String> arms) {
        String by = " by group (" + String.join(" vs ", arms) + ")";
        return switch (section) {
            case BASELINE -> "Baseline characteristics" + by;
            case PAIN -> "Pain (VAS) over time" + by;
            case FUNCTION -> "Function and quality of life" + by;
            case OUTCOMES -> "Outcomes over time" + by;
            case COMPLICATIONS -> "Complications" + by;
            case EFFICACY -> "Efficacy (MacNab)" + by;
        };
    }

    private static Map<String, Object> planSummary(AnalysisPlan plan, SubjectData data) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("population", plan.population());
        m.put("alpha", plan.alpha());
        m.put("alternative", plan.alternative().id());
        m.put("conf_level", plan.confLevel());
        m.put("normality_alpha", plan.normalityAlpha());
        m.put("variance_alpha", plan.varianceAlpha());
        m.put("expected_count_rule", plan.countRule().id());
        m.put("expected_count_rule_text", plan.countRule().statement());
        m.put("quantile_type", plan.quantileType());
        m.put("arms", plan.armsIn(data));
        m.put("control_arm", plan.controlIn(data));
        Map<String, Object> overrides = new LinkedHashMap<>();
        plan.variableOverrides().forEach((k, v) -> overrides.put(k, v.stream().map(TestOverride::describe).toList()));
        m.put("overrides", overrides);
        Map<String, Object> tableOverrides = new LinkedHashMap<>();
        plan.tableOverrides().forEach((k, v) -> tableOverrides.put(k.id(), v.stream().map(TestOverride::describe)
                .toList()));
        m.put("table_overrides", tableOverrides);
        return m;
    }
}
