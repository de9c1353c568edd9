package org.painlab.literature.cli.internal;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.painlab.cli.CliFailure;
import org.painlab.cli.Json;
import org.painlab.core.Study;
import org.painlab.core.StudyException;
import org.painlab.core.StudySchemas;
import org.painlab.core.data.StudyAggregate;
import org.painlab.literature.EffectStore;
import org.painlab.literature.ExtractedEffect;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code painlab lit effect add|list|delete}: outcome numbers extracted from references for
 * meta-analysis (per arm n/mean/SD or events/total), which analyses read as study-level aggregates.
 */
@Command(name = "effect", mixinStandardHelpOptions = true,
        subcommands = {LitEffectCommand.Add.class, LitEffectCommand.ListEffects.class, LitEffectCommand.Delete.class},
        description = "Outcome numbers extracted from references (per arm n/mean/SD or events/total) for meta-analysis; "
                + "analyses read them as study-level aggregates.")
public final class LitEffectCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "lit effect: give a subcommand: add, list or delete");
    }

    private static String who(String actor) {
        return actor != null ? actor : System.getProperty("user.name", "unknown");
    }

    /** {@code lit effect add DIR KEY --outcome O --arm A (--n --mean --sd | --events --total)}. */
    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Add one arm's numbers for an outcome of a reference (audited). Give --n, --mean and --sd for a "
                    + "continuous outcome, or --events and --total for a binary one.")
    public static final class Add implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "DIR", description = "The study folder.")
        Path dir;

        @Parameters(index = "1", paramLabel = "KEY", description = "The reference's citation key.")
        String key;

        @Option(names = "--outcome", required = true, paramLabel = "NAME", description = "The outcome, e.g. vas.")
        String outcome;

        @Option(names = "--time", paramLabel = "WHEN", description = "The time point, e.g. \"3 months\".")
        String time;

        @Option(names = "--arm", required = true, paramLabel = "ARM", description = "The arm or group.")
        String arm;

        @Option(names = "--n", paramLabel = "N", description = "Subjects analysed (continuous outcome).")
        Integer n;

        @Option(names = "--mean", paramLabel = "X")
        Double mean;

        @Option(names = "--sd", paramLabel = "SD")
        Double sd;

        @Option(names = "--events", paramLabel = "E", description = "Subjects with the event (binary outcome).")
        Integer events;

        @Option(names = "--total", paramLabel = "T", description = "Subjects at risk (binary outcome).")
        Integer total;

        @Option(names = "--location", paramLabel = "WHERE", description = "Where the numbers stand, e.g. \"p. 5, Table 2\".")
        String location;

        @Option(names = "--reason", paramLabel = "TEXT", defaultValue = "extracted from the paper", description = "For the audit trail.")
        String reason;

        @Option(names = "--actor", paramLabel = "NAME", description = "Who adds, for the audit trail (default: the OS user).")
        String actor;

        @Option(names = "--json", description = "Print the stored row as JSON.")
        boolean json;

        @Override
        public Integer call() {
            StudyAggregate a;
            try {
                a = new StudyAggregate(key, outcome, time, arm, n, mean, sd, events, total, location);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            ExtractedEffect stored;
            try (Study study = Study.open(dir, StudySchemas.contributed())) {
                stored = new EffectStore(study, who(actor)).add(a, reason);
            } catch (StudyException e) {
                throw new CliFailure(e.getMessage(), e);
            }
            if (json) {
                new Json().print(spec.commandLine().getOut(), row(stored));
            } else {
                spec.commandLine().getOut().println(stored.id() + "  " + key + "  " + EffectStore.describe(a));
                spec.commandLine().getOut().flush();
            }
            return 0;
        }
    }

    /** {@code lit effect list DIR [--key KEY] [--json]}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the extracted outcome numbers.")
    public static final class ListEffects implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "DIR", description = "The study folder.")
        Path dir;

        @Option(names = "--key", paramLabel = "KEY", description = "Only this reference's.")
        String key;

        @Option(names = "--json", description = "Print one JSON object: {\"effects\": [...]}.")
        boolean json;

        @Override
        public Integer call() {
            List<ExtractedEffect> effects;
            try (Study study = Study.openReadOnly(dir, StudySchemas.contributed())) {
                EffectStore store = new EffectStore(study, null);
                effects = key == null ? store.list() : store.list(key);
            } catch (StudyException e) {
                throw new CliFailure(e.getMessage(), e);
            }
            if (json) {
                List<Object> rows = new ArrayList<>();
                effects.forEach(e -> rows.add(row(e)));
                new Json().print(spec.commandLine().getOut(), Map.of("effects", rows));
            } else {
                PrintWriter w = spec.commandLine().getOut();
                w.println(effects.size() + " extracted outcome rows");
                for (ExtractedEffect e : effects) {
                    w.println(e.id() + "  " + e.aggregate().source() + "  " + EffectStore.describe(e.aggregate()));
                }
                w.flush();
            }
            return 0;
        }
    }

    /** {@code lit effect delete DIR ID}. */
    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete one extracted row by its number (audited).")
    public static final class Delete implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "DIR", description = "The study folder.")
        Path dir;

        @Parameters(index = "1", paramLabel = "ID", description = "The row's number (lit effect list).")
        long id;

        @Option(names = "--reason", paramLabel = "TEXT", required = true, description = "For the audit trail.")
        String reason;

        @Option(names = "--actor", paramLabel = "NAME", description = "Who deletes, for the audit trail (default: the OS user).")
        String actor;

        @Override
        public Integer call() {
            try (Study study = Study.open(dir, StudySchemas.contributed())) {
                if (!new EffectStore(study, who(actor)).delete(id, reason)) {
                    throw new CliFailure(dir + ": no extracted outcome row " + id);
                }
            } catch (StudyException e) {
                throw new CliFailure(e.getMessage(), e);
            }
            return 0;
        }
    }

    static Map<String, Object> row(ExtractedEffect e) {
        StudyAggregate a = e.aggregate();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.id());
        m.put("key", a.source());
        m.put("outcome", a.outcome());
        m.put("time", a.timePoint());
        m.put("arm", a.arm());
        m.put("n", a.n());
        m.put("mean", a.mean());
        m.put("sd", a.sd());
        m.put("events", a.events());
        m.put("total", a.total());
        m.put("location", a.location());
        return m;
    }
}
