package org.painlab.literature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painlab.core.Study;
import org.painlab.core.StudyException;
import org.painlab.core.StudySchemas;
import org.painlab.core.link.LinkTargets;
import org.painlab.core.link.LinkedItem;

/**
 * A note links to a parameter of a mechanism model as to any item: through core's link targets alone (the
 * mechanism bundle is only installed next to literature here, never referred to), and the parameter's
 * backlinks name the note.
 */
class NoteLinksToParametersTest {
    @TempDir
    Path tmp;

    @Test
    void aNoteLinksToAModelParameterAndTheParameterLinksBack() throws Exception {
        try (Study s = Study.create(tmp.resolve("study"), "lit", StudySchemas.contributed())) {
            Note n = new NoteStore(s, "reader").add(null, "Healing rate", "Half-life of about 7 days (Smith 2019).", "reading");
            LinkTargets links = new LinkTargets();
            String parameter = "neuroinflammation-sensitization#k_heal";
            links.link(s, NoteStore.ENTITY, n.key(), "parameter", parameter, "reader");

            List<LinkedItem> fromNote = links.describe(s, NoteStore.ENTITY, n.key());
            assertEquals(1, fromNote.size());
            assertEquals("links to Parameter k_heal of model neuroinflammation-sensitization (0.1 per_day)",
                    fromNote.get(0).direction() + " " + fromNote.get(0).text());
            List<LinkedItem> back = links.describe(s, "parameter", parameter);
            assertEquals(1, back.size());
            assertEquals("linked from Note " + n.key() + ": Healing rate", back.get(0).direction() + " " + back.get(0).text());

            StudyException e = assertThrows(StudyException.class,
                    () -> links.link(s, NoteStore.ENTITY, n.key(), "parameter", "neuroinflammation-sensitization#k_none", "reader"));
            assertTrue(e.getMessage().contains("no parameter 'neuroinflammation-sensitization#k_none'"), e.getMessage());

            new NoteStore(s, "reader").delete(n.key(), "merged");
            assertEquals("(gone)", links.describe(s, "parameter", parameter).get(0).text(), "the note's link says it is gone");
        }
    }
}
