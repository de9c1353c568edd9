package org.painlab.literature.cli.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.painlab.cli.CliFailure;
import org.painlab.core.Study;
import org.painlab.core.StudyException;
import org.painlab.core.StudySchemas;
import org.painlab.literature.LibraryExport;
import org.painlab.literature.LiteratureException;
import org.painlab.literature.LiteratureFormats;
import org.painlab.literature.LiteratureStore;
import org.painlab.literature.Reference;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code painlab lit export DIR --format ris|bibtex|csl-json --out FILE}: the study's references as a file. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write the study's references (all, or --keys) as RIS, BibTeX or CSL-JSON. The file is written "
                + "whole through a temporary file, or not at all.")
public final class LitExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The study folder.")
    Path dir;

    @Option(names = "--format", paramLabel = "FORMAT", required = true, description = "ris, bibtex or csl-json.")
    String format;

    @Option(names = "--keys", paramLabel = "KEY", arity = "1..*", description = "Only these references, in this order.")
    List<String> keys;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "The file to write (replaced if it exists).")
    Path out;

    @Override
    public Integer call() {
        List<Reference> refs;
        try (Study study = Study.openReadOnly(dir, StudySchemas.contributed())) {
            LiteratureStore store = new LiteratureStore(study, null);
            if (keys == null) {
                refs = store.list();
            } else {
                refs = new ArrayList<>();
                List<String> missing = new ArrayList<>();
                for (String k : keys) {
                    store.find(k).ifPresentOrElse(refs::add, () -> missing.add(k));
                }
                if (!missing.isEmpty()) {
                    throw new CliFailure(dir + ": no reference with key "
                            + String.join(", ", missing.stream().map(k -> "'" + k + "'").toList()) + "; nothing was written");
                }
            }
            new LibraryExport(new LiteratureFormats()).export(refs, format, out);
        } catch (StudyException | LiteratureException e) {
            throw new CliFailure(e.getMessage(), e);
        }
        spec.commandLine().getErr().println("exported " + refs.size() + " references to " + out + " (" + format + ")");
        spec.commandLine().getErr().flush();
        return 0;
    }
}
