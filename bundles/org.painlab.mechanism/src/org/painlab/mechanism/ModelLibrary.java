package org.painlab.mechanism;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.eclipse.core.runtime.FileLocator;
import org.eclipse.core.runtime.Platform;
import org.osgi.framework.Bundle;
import org.painlab.core.extension.Contribution;
import org.painlab.core.extension.ExtensionReader;
import org.painlab.mechanism.model.Model;
import org.painlab.mechanism.model.ModelException;
import org.painlab.mechanism.model.UnsupportedFeatureException;
import org.painlab.mechanism.sbml.Sbml;

/**
 * The models contributed to {@code org.painlab.mechanism.models}: SBML files inside the contributing bundles,
 * read when opened.
 *
 * @since 0.1
 */
public final class ModelLibrary {
    /** The extension point's id. */
    public static final String POINT = "org.painlab.mechanism.models";

    /** One contributed model. */
    public record Entry(String id, String name, String description, String resource, String contributor) {
    }

    private final ExtensionReader<Object> reader;

    public ModelLibrary() {
        this(new ExtensionReader<>(POINT, "model", Object.class));
    }

    /** @param reader a reader over another registry (tests) */
    public ModelLibrary(ExtensionReader<Object> reader) {
        this.reader = reader.withoutClass();
    }

    /** Every contribution that names a resource, in order. */
    public List<Entry> all() {
        return reader.read().stream().filter(c -> c.attribute("resource") != null).map(ModelLibrary::entry).toList();
    }

    private static Entry entry(Contribution<Object> c) {
        String d = c.attribute("description");
        return new Entry(c.id(), c.name(), d == null ? "" : d, c.attribute("resource"), c.contributor());
    }

    public Optional<Entry> find(String id) {
        return all().stream().filter(e -> e.id().equals(id)).findFirst();
    }

    /**
     * Reads model {@code id}.
     *
     * @throws ModelException unknown id, missing or unreadable file (naming bundle and resource)
     * @throws UnsupportedFeatureException the file uses a feature the simulator does not implement
     */
    public Model open(String id) throws ModelException, UnsupportedFeatureException {
        Entry e = find(id).orElseThrow(() -> new ModelException("no model '" + id + "'; installed: "
                + all().stream().map(Entry::id).toList()));
        URL url = url(e);
        String source = e.contributor() + "/" + e.resource();
        try (InputStream in = url.openStream()) {
            return Sbml.read(in, source);
        } catch (IOException x) {
            throw new ModelException(source + ": cannot read: " + x.getMessage(), x);
        }
    }

    /**
     * The SBML text of model {@code id} (what its file says beyond the mathematics: units, notes, read with
     * {@link org.painlab.mechanism.sbml.ModelNotes}).
     *
     * @return the text, or empty when no such model is installed
     * @throws ModelException the file is missing or unreadable (naming bundle and resource)
     */
    public Optional<String> text(String id) throws ModelException {
        Optional<Entry> e = find(id);
        if (e.isEmpty()) {
            return Optional.empty();
        }
        URL url = url(e.get());
        try (InputStream in = url.openStream()) {
            return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException x) {
            throw new ModelException(e.get().contributor() + "/" + e.get().resource() + ": cannot read: " + x.getMessage(), x);
        }
    }

    private static URL url(Entry e) throws ModelException {
        Bundle bundle = Platform.getBundle(e.contributor());
        URL url = bundle == null ? null : FileLocator.find(bundle, new org.eclipse.core.runtime.Path(e.resource()));
        if (url == null) {
            throw new ModelException("model '" + e.id() + "': resource " + e.resource() + " not found in bundle " + e.contributor());
        }
        return url;
    }
}
