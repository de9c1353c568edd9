package org.painlab.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.ILogListener;
import org.eclipse.core.runtime.IStatus;
import org.junit.jupiter.api.Test;
import org.painlab.core.extension.Contribution;
import org.painlab.core.extension.ExtensionReader;
import org.painlab.core.store.StudySchema;

class ExtensionReaderTest {

    @Test
    void keepsGoodContributionsAndLogsAndSkipsBrokenOnes() {
        List<IStatus> logged = new ArrayList<>();
        ILog log = ILog.of(ExtensionReaderTest.class);
        ILogListener listener = (status, plugin) -> logged.add(status);
        log.addLogListener(listener);
        try {
            ExtensionReader<StudySchema> reader = new ExtensionReader<>(StudySchemas.POINT, "schema", StudySchema.class, log);
            List<Contribution<StudySchema>> read = reader.read();
            List<String> ids = read.stream().map(Contribution::id).toList();
            assertTrue(ids.contains("org.painlab.core"), ids.toString());
            assertTrue(ids.contains("org.painlab.core.tests.good"), ids.toString());
            assertTrue(ids.contains("org.painlab.core.tests.missing"), "class is only loaded when created: " + ids);
            assertEquals(ids.indexOf("org.painlab.core"), 0, "ordered by 'order': core first");

            List<StudySchema> created = reader.createAll();
            assertEquals(2, created.size(), "core + the good test schema; the missing class is skipped");
            List<String> messages = logged.stream().map(IStatus::getMessage).toList();
            assertTrue(messages.stream().anyMatch(m -> m.contains("from bundle org.painlab.core") && m.contains("without 'id'")), messages.toString());
            assertTrue(messages.stream().anyMatch(m -> m.contains("'org.painlab.core.tests.noclass' has no 'class'")), messages.toString());
            assertTrue(messages.stream().anyMatch(m -> m.contains("duplicate id 'org.painlab.core.tests.good'") && m.contains("refused")), messages.toString());
            assertTrue(messages.stream().anyMatch(m -> m.contains("org.painlab.core.tests.missing") && m.contains("cannot be created")), messages.toString());
        } finally {
            log.removeLogListener(listener);
        }
    }
}
