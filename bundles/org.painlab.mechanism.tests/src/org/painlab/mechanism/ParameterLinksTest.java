package org.painlab.mechanism;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painlab.core.Study;
import org.painlab.core.StudyException;
import org.painlab.core.StudySchemas;
import org.painlab.core.link.ItemLink;
import org.painlab.core.link.LinkTargets;
import org.painlab.core.link.LinkedItem;
import org.painlab.core.result.ResultStore;
import org.painlab.core.result.StoredResult;

/** Link target {@code parameter}: a parameter of an installed model or of a model file in the study. */
class ParameterLinksTest {
    @TempDir
    Path tmp;

    private Study study() throws StudyException {
        return Study.create(tmp.resolve("study"), "mech", StudySchemas.contributed());
    }

    @Test
    void aParameterOfAnInstalledModelResolvesWithItsValueAndUnits() throws Exception {
        try (Study s = study()) {
            LinkTargets links = new LinkTargets();
            assertTrue(links.contributions().stream().anyMatch(c -> c.id().equals(ParameterLinks.TARGET)
                    && c.contributor().equals("org.painlab.mechanism")), "contributed through plugin.xml like any other");
            assertEquals(Optional.of("Parameter k_heal of model neuroinflammation-sensitization (0.1 per_day)"),
                    links.resolve(s, "parameter", ParameterLinks.key("neuroinflammation-sensitization", "k_heal")));
            assertEquals(Optional.of("Parameter k of model test-decay (0.2)"), links.resolve(s, "parameter", "test-decay#k"),
                    "a model of another plug-in; no units declared");
            // gone: no such parameter, no such model, keys that name no parameter
            for (String key : List.of("test-decay#k_none", "no-such-model#k", "test-decay", "#k", "test-decay#")) {
                assertEquals(Optional.empty(), links.resolve(s, "parameter", key), key);
            }
        }
    }

    @Test
    void aParameterOfAModelFileInTheStudyIsGoneWithTheFile() throws Exception {
        try (Study s = study()) {
            Path file = s.folder().resolve("models/decay.xml");
            Files.createDirectories(file.getParent());
            Files.writeString(file, new ModelLibrary().text("test-decay").orElseThrow(), StandardCharsets.UTF_8);
            String key = ParameterLinks.fileKey(s.folder(), file, "dose").orElseThrow();
            assertEquals("models/decay.xml#dose", key);
            LinkTargets links = new LinkTargets();
            assertEquals(Optional.of("Parameter dose of model models/decay.xml (5)"), links.resolve(s, "parameter", key));

            Path outside = tmp.resolve("elsewhere.xml");
            Files.copy(file, outside);
            assertEquals(Optional.empty(), ParameterLinks.fileKey(s.folder(), outside, "dose"), "a file outside the study has no key");
            assertEquals(Optional.empty(), links.resolve(s, "parameter", "../elsewhere.xml#dose"), "keys do not reach outside the study");

            Files.writeString(file, "<sbml>broken", StandardCharsets.UTF_8);
            StudyException broken = assertThrows(StudyException.class, () -> links.resolve(s, "parameter", key));
            assertTrue(broken.getMessage().contains("models/decay.xml#dose"), "the error names the link: " + broken.getMessage());
            Files.delete(file);
            assertEquals(Optional.empty(), links.resolve(s, "parameter", key), "gone with its file");
        }
    }

    @Test
    void linksToAParameterAreStoredAndListedBothWays() throws Exception {
        try (Study s = study()) {
            StoredResult fit = new ResultStore(s).add(new StoredResult(0, "org.painlab.mechanism.fit", "Fit of k_heal", Map.of(),
                    "ab".repeat(32), Map.of("org.painlab.mechanism", "0.1.0"), null, "dr.li", Map.of()));
            LinkTargets links = new LinkTargets();
            String key = ParameterLinks.key("neuroinflammation-sensitization", "k_heal");
            ItemLink l = links.link(s, "result", Long.toString(fit.id()), ParameterLinks.TARGET, key, "dr.li");
            assertEquals(key, l.toKey());
            List<LinkedItem> back = links.describe(s, ParameterLinks.TARGET, key);
            assertEquals(1, back.size());
            assertEquals("linked from", back.get(0).direction());
            assertEquals("Result " + fit.id() + ": Fit of k_heal", back.get(0).text());
            List<LinkedItem> out = links.describe(s, "result", Long.toString(fit.id()));
            assertEquals("links to Parameter k_heal of model neuroinflammation-sensitization (0.1 per_day)",
                    out.get(0).direction() + " " + out.get(0).text());
            StudyException none = assertThrows(StudyException.class,
                    () -> links.link(s, "result", Long.toString(fit.id()), ParameterLinks.TARGET, "test-decay#nope", "dr.li"));
            assertTrue(none.getMessage().contains("no parameter 'test-decay#nope'"), none.getMessage());
        }
    }
}
