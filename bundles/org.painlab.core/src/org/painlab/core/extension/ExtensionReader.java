package org.painlab.core.extension;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

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
 *
 * @param <T> the interface contributions implement
 * @since 0.1
 */
public final class ExtensionReader<T> {
    private static final String CORE_BUNDLE = "org.painlab.core";
    private final String pointId;
    private final String elementName;
    private final Class<T> type;
    private ILog log;
    private final List<String> uniqueAttributes = new ArrayList<>();
    private boolean classRequired = true;

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

    /**
     * Reads {@code registry}. Two contributions with one id (or one value of a unique attribute,
     * see {@link #unique}) are a conflict: the built-in one (from an {@code org.painlab.*} bundle)
     * keeps the id, otherwise the first registered does, and the other is refused with an error
     * naming both contributors.
     */
    public List<Contribution<T>> read(IExtensionRegistry registry) {
        List<Contribution<T>> out = new ArrayList<>();
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
            if (classRequired && e.getAttribute("class") == null) {
                skip(contributor, "'" + id + "' has no 'class'");
                continue;
            }
            String name = Optional.ofNullable(e.getAttribute("name")).orElse(id);
            Contribution<T> candidate = new Contribution<>(e, type, id, name);
            if (admit(out, candidate)) {
                out.add(candidate);
            }
        }
        out.sort(Comparator.comparingInt((Contribution<T> c) -> order(c)).thenComparing(Contribution::id));
        return out;
    }

    /**
     * @param attributeName an attribute whose values must also be unique among the contributions
     *        (e.g. the {@code format} of importers)
     * @return a reader that also refuses duplicates of that attribute
     */
    public ExtensionReader<T> unique(String attributeName) {
        ExtensionReader<T> r = new ExtensionReader<>(pointId, elementName, type, log);
        r.uniqueAttributes.addAll(uniqueAttributes);
        r.uniqueAttributes.add(attributeName);
        r.classRequired = classRequired;
        return r;
    }

    /**
     * @return a reader for a point whose elements describe data rather than code (e.g. a model file in the
     *         contributing bundle): contributions need no {@code class}
     */
    public ExtensionReader<T> withoutClass() {
        ExtensionReader<T> r = new ExtensionReader<>(pointId, elementName, type, log);
        r.uniqueAttributes.addAll(uniqueAttributes);
        r.classRequired = false;
        return r;
    }

    private boolean admit(List<Contribution<T>> accepted, Contribution<T> candidate) {
        List<String> keys = new ArrayList<>();
        keys.add("id");
        keys.addAll(uniqueAttributes);
        for (String key : keys) {
            String value = candidate.attribute(key);
            if (value == null) {
                continue;
            }
            for (int i = 0; i < accepted.size(); i++) {
                Contribution<T> held = accepted.get(i);
                if (!value.equals(held.attribute(key))) {
                    continue;
                }
                String what = (key.equals("id") ? "id" : key) + " '" + value + "'";
                if (isBuiltIn(candidate) && !isBuiltIn(held)) {
                    conflict(what, candidate, held);
                    accepted.remove(i);
                    return true;
                }
                conflict(what, held, candidate);
                return false;
            }
        }
        return true;
    }

    private static boolean isBuiltIn(Contribution<?> c) {
        return c.contributor().startsWith("org.painlab.");
    }

    private void conflict(String what, Contribution<T> kept, Contribution<T> refused) {
        log().log(new Status(IStatus.ERROR, CORE_BUNDLE, pointId + ": duplicate " + what + " contributed by bundles "
                + kept.contributor() + " and " + refused.contributor() + ": kept " + kept.contributor()
                + "'s (" + kept.name() + "), refused " + refused.contributor() + "'s (" + refused.name() + ")"));
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
