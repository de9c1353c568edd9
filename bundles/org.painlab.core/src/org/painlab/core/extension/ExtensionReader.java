package org.painlab.core.extension;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.IExtensionRegistry;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.RegistryFactory;
import org.eclipse.core.runtime.Status;

/**
 * Reads one extension point into {@link Contribution} descriptors. A broken
 * contribution (no id, duplicate id, no class, class that cannot be created) is
 * logged with its contributor's id and skipped: it never breaks the others.
 */
public final class ExtensionReader<T> {
    private static final String CORE_BUNDLE = "org.painlab.core";
    private final String pointId;
    private final String elementName;
    private final Class<T> type;
    private ILog log;

    public ExtensionReader(String pointId, String elementName, Class<T> type) {
        // the log is looked up when first needed, so the reader can be made outside OSGi (plain tests)
        this(pointId, elementName, type, null);
    }

    public ExtensionReader(String pointId, String elementName, Class<T> type, ILog log) {
        this.pointId = pointId;
        this.elementName = elementName;
        this.type = type;
        this.log = log;
    }

    /** Descriptors of the valid contributions in the running platform, ordered by the {@code order} attribute then id. */
    public List<Contribution<T>> read() {
        IExtensionRegistry registry = RegistryFactory.getRegistry();
        if (registry == null) {
            return List.of();
        }
        return read(registry);
    }

    public List<Contribution<T>> read(IExtensionRegistry registry) {
        List<Contribution<T>> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (IConfigurationElement e : registry.getConfigurationElementsFor(pointId)) {
            if (!elementName.equals(e.getName())) {
                continue;
            }
            String contributor = e.getContributor().getName();
            String id = e.getAttribute("id");
            if (id == null || id.isBlank()) {
                skip(contributor, "an <" + elementName + "> without 'id'");
                continue;
            }
            if (e.getAttribute("class") == null) {
                skip(contributor, "'" + id + "' has no 'class'");
                continue;
            }
            if (!ids.add(id)) {
                skip(contributor, "'" + id + "' duplicates an id already contributed");
                continue;
            }
            String name = Optional.ofNullable(e.getAttribute("name")).orElse(id);
            out.add(new Contribution<>(e, type, id, name));
        }
        out.sort(Comparator.comparingInt((Contribution<T> c) -> order(c)).thenComparing(Contribution::id));
        return out;
    }

    /** Creates every contribution, logging and leaving out those that fail. */
    public List<T> createAll() {
        List<T> out = new ArrayList<>();
        for (Contribution<T> c : read()) {
            try {
                out.add(c.get());
            } catch (ContributionException e) {
                log().log(new Status(IStatus.ERROR, CORE_BUNDLE, pointId + ": " + e.getMessage() + " (skipped)", e));
            }
        }
        return out;
    }

    /** The contribution with {@code id}, if present and valid. */
    public Optional<Contribution<T>> find(String id) {
        return read().stream().filter(c -> c.id().equals(id)).findFirst();
    }

    private ILog log() {
        if (log == null) {
            log = ILog.of(ExtensionReader.class);
        }
        return log;
    }

    private static int order(Contribution<?> c) {
        String o = c.attribute("order");
        if (o == null) {
            return 100;
        }
        try {
            return Integer.parseInt(o.trim());
        } catch (NumberFormatException e) {
            return 100;
        }
    }

    private void skip(String contributor, String what) {
        log().log(new Status(IStatus.ERROR, CORE_BUNDLE,
                pointId + ": contribution from bundle " + contributor + " skipped: " + what));
    }
}
