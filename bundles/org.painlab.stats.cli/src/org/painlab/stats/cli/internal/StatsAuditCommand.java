package org.painlab.stats.cli.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.painlab.cli.CliFailure;
import org.painlab.cli.InputFiles;
import org.painlab.cli.Json;
import org.painlab.stats.audit.AuditFinding;
import org.painlab.stats.audit.AuditInput;
import org.painlab.stats.audit.AuditRow;
import org.painlab.stats.audit.TableAuditor;
import org.painlab.stats.plan.TestCatalog;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code painlab stats audit FILE.json --json}: which tests and options reproduce the P values of
 * a published table, with flags for a reviewer (one-sided P, stated test not reproducing, GRIM).
 */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Recompute the P values of a published table from its counts or n/mean/SD and report which"
                + " tests reproduce each printed value, with flags (one-sided P, stated test, GRIM).")
public final class StatsAuditCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE.json", description = "{\"rows\": [{\"label\", \"kind\": counts|ordinal|summary,"
            + " \"table_rows\" or \"groups\", \"printed_p\", \"stated_test\"}]}")
    Path input;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Override
    public Integer call() {
        Json out = new Json();
        Object parsed = InputFiles.json(input);
        List<AuditRow> rows;
        try {
            rows = AuditInput.parse(parsed);
        } catch (IllegalArgumentException e) {
            throw new CliFailure(input + ": " + e.getMessage(), e);
        }
        if (rows.isEmpty()) {
            // an empty table has nothing to reproduce: exit 0 with no findings would read as "all fine"
            throw new CliFailure("no rows to audit in " + input + ": \"rows\" is empty");
        }
        List<AuditFinding> findings = new TableAuditor(TestCatalog.installed()).audit(rows);
        if (json) {
            out.print(spec.commandLine().getOut(), TableAuditor.toMap(findings));
        } else {
            for (AuditFinding f : findings) {
                spec.commandLine().getOut().println(f.label() + " (printed P " + f.printed().text() + "): "
                        + (f.reproducedBy().isEmpty() ? "not reproduced"
                                : "reproduced by " + f.reproducedBy().stream().map(c -> c.describe()).toList())
                        + (f.flags().isEmpty() ? "" : "; flags: " + String.join("; ", f.flags())));
            }
        }
        return 0;
    }
}
