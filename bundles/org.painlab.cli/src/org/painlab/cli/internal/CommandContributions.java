package org.painlab.cli.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.RegistryFactory;
import org.painlab.core.extension.Contribution;
import org.painlab.core.extension.ExtensionReader;

/** Reads the {@code org.painlab.cli.commands} extension point: groups and their commands. */
public class CommandContributions {
    public static final String POINT = "org.painlab.cli.commands";

    /** Group name to description, in contribution order. */
    public Map<String, String> groups() {
        Map<String, String> out = new LinkedHashMap<>();
        var registry = RegistryFactory.getRegistry();
        if (registry == null) {
            return out;
        }
        for (IConfigurationElement e : registry.getConfigurationElementsFor(POINT)) {
            if ("group".equals(e.getName()) && e.getAttribute("name") != null) {
                out.putIfAbsent(e.getAttribute("name"), e.getAttribute("description"));
            }
        }
        return out;
    }

    @SuppressWarnings({ "rawtypes", "unchecked" })
    public List<Contribution<Callable<Integer>>> commands() {
        ExtensionReader<Callable> reader = new ExtensionReader<>(POINT, "command", Callable.class,
                ILog.of(CommandContributions.class));
        List<Contribution<Callable<Integer>>> out = new ArrayList<>();
        for (Contribution<Callable> c : reader.read()) {
            out.add((Contribution) c);
        }
        return out;
    }
}
