package org.painlab.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.ContributorFactorySimple;
import org.eclipse.core.runtime.IExtensionRegistry;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.ILogListener;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.RegistryFactory;
import org.junit.jupiter.api.Test;
import org.painlab.core.extension.Contribution;
import org.painlab.core.extension.ExtensionReader;
import org.painlab.core.store.StudySchema;

/**
 * Two plugins contributing one id: the built-in keeps it whatever the registry order, the other
 * is refused with an error naming both bundles. Runs on a private registry so the contributor
 * names can be chosen.
 */
class DuplicateContributionTest {
    private static final String POINT = "org.painlab.core.testpoint";
    private final Object master = new Object();

    @Test
    void builtInKeepsItsIdAndBothContributorsAreNamed() throws Exception {
        IExtensionRegistry registry = RegistryFactory.createRegistry(null, master, null);
        try {
            contribute(registry, "org.painlab.core", "<extension-point id=\"testpoint\" name=\"test\"/>");
            // the third party is registered first: order must not decide
            contribute(registry, "com.example.lab", element("x", "Lab's X") + element("y", "Lab's Y"));
            contribute(registry, "org.painlab.stats", element("x", "Built-in X"));
            contribute(registry, "com.example.other", element("y", "Other's Y"));

            List<IStatus> logged = new ArrayList<>();
            ILog log = ILog.of(DuplicateContributionTest.class);
            ILogListener listener = (status, plugin) -> logged.add(status);
            log.addLogListener(listener);
            List<Contribution<StudySchema>> read;
            try {
                read = new ExtensionReader<>(POINT, "item", StudySchema.class, log).read(registry);
            } finally {
                log.removeLogListener(listener);
            }
            assertEquals(List.of("x:org.painlab.stats", "y:com.example.lab"),
                    read.stream().map(c -> c.id() + ":" + c.contributor()).toList());
            List<String> messages = logged.stream().filter(s -> s.getSeverity() == IStatus.ERROR)
                    .map(IStatus::getMessage).toList();
            assertEquals(2, messages.size(), messages.toString());
            assertTrue(messages.get(0).contains("duplicate id 'x'") && messages.get(0).contains("org.painlab.stats")
                    && messages.get(0).contains("com.example.lab") && messages.get(0).contains("refused com.example.lab"),
                    messages.get(0));
            assertTrue(messages.get(1).contains("duplicate id 'y'") && messages.get(1).contains("kept com.example.lab")
                    && messages.get(1).contains("refused com.example.other"), messages.get(1));
        } finally {
            registry.stop(master);
        }
    }

    @Test
    void aUniqueAttributeIsCheckedLikeTheId() throws Exception {
        IExtensionRegistry registry = RegistryFactory.createRegistry(null, master, null);
        try {
            contribute(registry, "org.painlab.core", "<extension-point id=\"testpoint\" name=\"test\"/>");
            contribute(registry, "com.example.lab", "<extension point=\"" + POINT + "\">"
                    + "<item id=\"lab.csv\" name=\"Lab CSV\" format=\"csv\" class=\"a.B\"/></extension>");
            contribute(registry, "org.painlab.trial", "<extension point=\"" + POINT + "\">"
                    + "<item id=\"trial.csv\" name=\"Trial CSV\" format=\"csv\" class=\"a.B\"/></extension>");
            List<Contribution<StudySchema>> read = new ExtensionReader<>(POINT, "item", StudySchema.class,
                    ILog.of(DuplicateContributionTest.class)).unique("format").read(registry);
            assertEquals(List.of("trial.csv"), read.stream().map(Contribution::id).toList());
        } finally {
            registry.stop(master);
        }
    }

    private static String element(String id, String name) {
        return "<extension point=\"" + POINT + "\"><item id=\"" + id + "\" name=\"" + name + "\" class=\"a.B\"/></extension>";
    }

    private void contribute(IExtensionRegistry registry, String bundle, String body) {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><plugin>" + body + "</plugin>";
        boolean added = registry.addContribution(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)),
                ContributorFactorySimple.createContributor(bundle), false, bundle, null, master);
        assertTrue(added, "contribution of " + bundle + " was not added");
    }
}
