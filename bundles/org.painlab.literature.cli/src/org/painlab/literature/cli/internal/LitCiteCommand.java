package org.painlab.literature.cli.internal;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.painlab.cli.CliFailure;
import org.painlab.cli.Json;
import org.painlab.core.Study;
import org.painlab.core.StudyException;
import org.painlab.core.StudySchemas;
import org.painlab.literature.LiteratureException;
import org.painlab.literature.LiteratureStore;
import org.painlab.literature.Reference;
import org.painlab.literature.cite.CitationOutput;
import org.painlab.literature.cite.Citations;
import org.painlab.literature.cite.FormattedCitations;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code painlab lit cite DIR KEY... --style STYLE}: formatted citations and bibliography of the study's references. */
@Command(name = "cite", mixinStandardHelpOptions = true,
        description = "Format references of the study as an in-text citation and, with --bibliography, their bibliography "
                + "entries, in a CSL style shipped with the workbench (pain, ama, vancouver, apa, gbt7714, or any CSL file name "
                + "such as nature). Each entry is written in its reference's language: 等 for Chinese, et al. for English.")
public final class LitCiteCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The study folder.")
    Path dir;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "KEY", description = "Citation keys, in citation order.")
    List<String> keys;

    @Option(names = "--style", paramLabel = "STYLE", required = true, description = "CSL style: pain, ama, vancouver, apa, gbt7714, or a CSL file name.")
    String style;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or html. Default: ${DEFAULT-VALUE}.")
    String format;

    @Option(names = "--bibliography", description = "Print the bibliography entries after the citation.")
    boolean bibliography;

    @Option(names = "--json", description = "Print one JSON object: style, citation, entries [{key, text}].")
    boolean json;

    @Override
    public Integer call() {
        CitationOutput output = switch (format.toLowerCase(Locale.ROOT)) {
            case "text" -> CitationOutput.TEXT;
            case "html" -> CitationOutput.HTML;
            default -> throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--format: '" + format + "' (text or html)");
        };
        FormattedCitations f;
        try (Study study = Study.openReadOnly(dir, StudySchemas.contributed())) {
            LiteratureStore store = new LiteratureStore(study, null);
            List<Reference> refs = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            for (String k : keys) {
                store.find(k).ifPresentOrElse(refs::add, () -> missing.add(k));
            }
            if (!missing.isEmpty()) {
                throw new CliFailure(dir + ": no reference with key " + String.join(", ", missing.stream().map(k -> "'" + k + "'").toList()));
            }
            f = new Citations().format(refs, style, output);
        } catch (StudyException | LiteratureException e) {
            throw new CliFailure(e.getMessage(), e);
        }
        if (json) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("style", f.style());
            out.put("citation", f.citation());
            List<Object> entries = new ArrayList<>();
            for (int i = 0; i < f.entries().size(); i++) {
                entries.add(Map.of("key", f.keys().get(i), "text", f.entries().get(i)));
            }
            out.put("entries", entries);
            new Json().print(spec.commandLine().getOut(), out);
            return 0;
        }
        PrintWriter w = spec.commandLine().getOut();
        w.println(f.citation());
        if (bibliography) {
            w.println();
            f.entries().forEach(w::println);
        }
        w.flush();
        return 0;
    }
}
