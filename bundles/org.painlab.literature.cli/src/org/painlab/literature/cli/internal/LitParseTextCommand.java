package org.painlab.literature.cli.internal;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

import org.painlab.cli.InputFiles;
import org.painlab.cli.Json;
import org.painlab.literature.Reference;
import org.painlab.literature.PastedText;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code painlab lit parse-text FILE --json}: one reference out of pasted web-page text; the study is not touched. */
@Command(name = "parse-text", mixinStandardHelpOptions = true,
        description = "Read one reference from text pasted from a web page (a PubMed record, a CNKI-like Chinese journal page, "
                + "a publisher or review page): every field that is on the page, those found by their place listed as guessed.")
public final class LitParseTextCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The pasted text (UTF-8).")
    Path file;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Override
    public Integer call() {
        Reference r = new PastedText().parse(InputFiles.text(file));
        Map<String, Object> out = ReferenceJson.of(r);
        if (json) {
            new Json().print(spec.commandLine().getOut(), out);
        } else {
            var w = spec.commandLine().getOut();
            out.forEach((k, v) -> {
                if (v != null && !(v instanceof java.util.Collection<?> c && c.isEmpty())) {
                    w.println(k + ": " + v);
                }
            });
            w.flush();
        }
        return 0;
    }
}
