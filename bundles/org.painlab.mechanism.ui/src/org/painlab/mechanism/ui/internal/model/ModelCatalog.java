package org.painlab.mechanism.ui.internal.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.painlab.mechanism.ModelLibrary;
import org.painlab.mechanism.model.Model;
import org.painlab.mechanism.model.ModelException;
import org.painlab.mechanism.model.UnsupportedFeatureException;
import org.painlab.mechanism.sbml.ModelNotes;
import org.painlab.mechanism.sbml.Sbml;

/** Opens models for the perspective: the installed ones ({@code org.painlab.mechanism.models}) and SBML files. */
public final class ModelCatalog {
    private final ModelLibrary library;

    public ModelCatalog() {
        this(new ModelLibrary());
    }

    public ModelCatalog(ModelLibrary library) {
        this.library = library;
    }

    /** The installed models, not yet read. */
    public List<ModelLibrary.Entry> installed() {
        return library.all();
    }

    /**
     * Reads an installed model.
     *
     * @throws ModelException unknown id or unreadable file
     * @throws UnsupportedFeatureException a feature the simulator does not implement
     */
    public LoadedModel open(ModelLibrary.Entry entry) throws ModelException, UnsupportedFeatureException {
        Model m = library.open(entry.id());
        return new LoadedModel(entry.id(), entry.name(), m, ModelNotes.read(library.text(entry.id()).orElse("")), null);
    }

    /**
     * Reads an SBML file.
     *
     * @throws ModelException unreadable or invalid file (the message names it)
     * @throws UnsupportedFeatureException a feature the simulator does not implement
     */
    public LoadedModel open(Path file) throws ModelException, UnsupportedFeatureException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ModelException(file + ": cannot read: " + e.getMessage(), e);
        }
        Model m = Sbml.read(file);
        String name = m.name() == null || m.name().isBlank() ? file.getFileName().toString() : m.name();
        return new LoadedModel(file.toAbsolutePath().toString(), name + " (" + file.getFileName() + ")", m,
                ModelNotes.read(text), text);
    }
}
