package org.painlab.cli.internal;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.painlab.cli.CliFailure;
import org.painlab.cli.Json;
import org.painlab.core.Study;
import org.painlab.core.StudyException;
import org.painlab.core.StudySchemas;
import org.painlab.core.link.LinkTargets;
import org.painlab.core.link.LinkedItem;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code painlab study links DIR TYPE KEY [--json]}: the links and backlinks of any item of a study (a subject,
 * a result, a volume, a model parameter, a note, ...) through core's link targets, each other end labelled as
 * it reads now; what the workbench shows in the item's links section.
 */
@Command(name = "links", mixinStandardHelpOptions = true,
        description = "Links and backlinks of an item of the study (TYPE: an installed link target such as subject, visit, result, "
                + "volume, model, parameter, reference, note), each other end with its label now ('(gone)' when it no longer exists).")
public final class StudyLinksCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The study folder.")
    Path dir;

    @Parameters(index = "1", paramLabel = "TYPE", description = "The item's link target: subject, result, parameter, ...")
    String type;

    @Parameters(index = "2", paramLabel = "KEY",
            description = "The item's key: S01, 12, neuroinflammation-sensitization#k_heal, n3, ...")
    String key;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Study study = Study.openReadOnly(dir, StudySchemas.contributed())) {
            LinkTargets targets = new LinkTargets();
            // an unknown TYPE fails here, naming the installed link targets
            Optional<String> label = targets.resolve(study, type, key);
            List<LinkedItem> links = targets.describe(study, type, key);
            if (json) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("type", type);
                m.put("key", key);
                m.put("label", label.orElse(null));
                List<Object> list = new ArrayList<>();
                for (LinkedItem l : links) {
                    Map<String, Object> e = new LinkedHashMap<>();
                    e.put("direction", l.outgoing() ? "to" : "from");
                    e.put("type", l.type());
                    e.put("key", l.key());
                    e.put("label", l.text());
                    list.add(e);
                }
                m.put("links", list);
                new Json().print(out, m);
            } else {
                out.println(type + ":" + key + "  " + label.orElse("(gone)"));
                if (links.isEmpty()) {
                    out.println("no links");
                }
                for (LinkedItem l : links) {
                    out.println((l.outgoing() ? "to" : "from") + " " + l.type() + ":" + l.key() + "  " + l.text());
                }
                out.flush();
            }
            return 0;
        } catch (StudyException e) {
            throw new CliFailure(e.getMessage(), e);
        }
    }
}
