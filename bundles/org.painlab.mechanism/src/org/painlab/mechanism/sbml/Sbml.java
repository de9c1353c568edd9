package org.painlab.mechanism.sbml;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.painlab.mechanism.internal.sbml.SbmlExport;
import org.painlab.mechanism.internal.sbml.SbmlImport;
import org.painlab.mechanism.model.Model;
import org.painlab.mechanism.model.ModelException;
import org.painlab.mechanism.model.UnsupportedFeatureException;
import org.sbml.jsbml.SBMLDocument;
import org.sbml.jsbml.SBMLReader;
import org.sbml.jsbml.SBMLWriter;

/**
 * SBML Level 2 and 3 core import and export (through JSBML). Features outside what the simulator implements
 * are refused by name on import.
 *
 * @since 0.1
 */
public final class Sbml {
    private Sbml() {
    }

    /**
     * Reads an SBML file.
     *
     * @throws ModelException the file cannot be read or is not SBML (message names the file)
     * @throws UnsupportedFeatureException the model uses a feature the simulator does not implement
     */
    public static Model read(Path file) throws ModelException, UnsupportedFeatureException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ModelException(file + ": cannot read: " + e.getMessage(), e);
        }
        return read(new ByteArrayInputStream(bytes), file.toString());
    }

    /** Reads SBML from a stream; {@code source} names it in messages. */
    public static Model read(InputStream in, String source) throws ModelException, UnsupportedFeatureException {
        SBMLDocument doc;
        try {
            doc = withJsbml(() -> new SBMLReader().readSBMLFromStream(in));
        } catch (Exception | LinkageError e) {
            throw new ModelException(source + ": not readable as SBML: " + e.getMessage(), e);
        }
        if (doc == null || doc.getModel() == null) {
            throw new ModelException(source + ": no <model> element");
        }
        return SbmlImport.convert(doc, source);
    }

    /** The model as an SBML Level 3 Version 2 document. */
    public static String write(Model model) throws ModelException {
        try {
            return withJsbml(() -> {
                SBMLDocument doc = SbmlExport.convert(model);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                new SBMLWriter().write(doc, out);
                return out.toString(StandardCharsets.UTF_8);
            });
        } catch (Exception | LinkageError e) {
            throw new ModelException("model '" + model.id() + "' cannot be written as SBML: " + e.getMessage(), e);
        }
    }

    /**
     * JSBML finds its parsers with ServiceLoader on the context class loader, which inside OSGi must be the
     * loader of JSBML's own bundle.
     */
    private static <T> T withJsbml(Callable<T> work) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader saved = thread.getContextClassLoader();
        thread.setContextClassLoader(SBMLDocument.class.getClassLoader());
        try {
            return work.call();
        } finally {
            thread.setContextClassLoader(saved);
        }
    }
}
