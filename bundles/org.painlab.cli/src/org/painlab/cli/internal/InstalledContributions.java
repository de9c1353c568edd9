package org.painlab.cli.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.IExtension;
import org.eclipse.core.runtime.IExtensionPoint;
import org.eclipse.core.runtime.IExtensionRegistry;
import org.eclipse.core.runtime.RegistryFactory;

/**
 * What is installed, as {@code painlab plugins list} shows it: the contributions to every PainLab
 * extension point, read from the registry without creating any contributed class (so a broken
 * contribution still shows up, with the bundle to blame).
 */
public final class InstalledContributions {
    /** Extension points of this namespace are listed; the platform's own are not. */
    public static final String NAMESPACE_PREFIX = "org.painlab.";

    private final IExtensionRegistry registry;

    public InstalledContributions() {
        this(RegistryFactory.getRegistry());
    }

    InstalledContributions(IExtensionRegistry registry) {
        this.registry = registry;
    }

    /** One contributed element: its id (an element without one, such as a command group, uses its name). */
    public record Entry(String id, String name, String contributor) {
        Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", id);
            m.put("name", name);
            m.put("contributor", contributor);
            return m;
        }
    }

    /** Point id to its contributions, points sorted by id, contributions in registry order. */
    public Map<String, List<Entry>> byPoint() {
        Map<String, List<Entry>> out = new TreeMap<>();
        if (registry == null) {
            return out;
        }
        for (IExtensionPoint point : registry.getExtensionPoints()) {
            String pointId = point.getUniqueIdentifier();
            if (pointId == null || !pointId.startsWith(NAMESPACE_PREFIX)) {
                continue;
            }
            List<Entry> entries = new ArrayList<>();
            for (IExtension extension : point.getExtensions()) {
                for (IConfigurationElement element : extension.getConfigurationElements()) {
                    entries.add(entry(element));
                }
            }
            entries.sort(Comparator.comparing(Entry::contributor).thenComparing(Entry::id));
            out.put(pointId, entries);
        }
        return out;
    }

    /** The {@code --json} shape: {@code {"points": {"<point id>": [{"id", "name", "contributor"}]}}}. */
    public Map<String, Object> toJson() {
        Map<String, Object> points = new LinkedHashMap<>();
        byPoint().forEach((point, entries) -> {
            List<Object> list = new ArrayList<>();
            entries.forEach(e -> list.add(e.toMap()));
            points.put(point, list);
        });
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("points", points);
        return root;
    }

    private static Entry entry(IConfigurationElement element) {
        String id = element.getAttribute("id");
        String name = element.getAttribute("name");
        if (id == null || id.isBlank()) {
            id = name != null && !name.isBlank() ? name : element.getName();
        }
        if (name == null || name.isBlank()) {
            name = id;
        }
        return new Entry(id, name, element.getContributor().getName());
    }
}
