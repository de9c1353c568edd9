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
import org.painlab.core.cite.CitableReference;
import org.painlab.core.cite.CitationProvider;
import org.painlab.core.cite.CitationProviders;
import org.painlab.core.cite.CitedReferences;

/**
 * Literature's side of the core citation contract, reached as a report reaches it: through
 * {@link CitationProviders}, never through this bundle's classes. Places of one document are numbered
 * together in first-cited order, each entry in its reference's language.
 */
class LibraryCitationProviderTest {
    @TempDir
    Path tmp;

    private Study library() throws Exception {
        Study s = Study.create(tmp.resolve("study"), "lit", StudySchemas.contributed());
        LiteratureStore store = new LiteratureStore(s, "tester");
        store.add(CitationsTest.EN, "test");
        store.add(CitationsTest.ZH, "test");
        return s;
    }

    @Test
    void isContributedToTheCoreContract() throws Exception {
        CitationProviders providers = new CitationProviders();
        assertEquals("org.painlab.literature.citations", providers.contributions().get(0).id());
        try (Study s = library()) {
            List<CitableReference> refs = providers.require().library(s);
            assertEquals(List.of("wang2023", "zhang2023"), refs.stream().map(CitableReference::key).sorted().toList());
            CitableReference wang = refs.stream().filter(r -> r.key().equals("wang2023")).findFirst().orElseThrow();
            assertEquals("Wang, Smith, Chen et al. 2023. Exosomes in chronic pain: mechanisms of neuroinflammation",
                    wang.label());
            CitableReference zhang = refs.stream().filter(r -> r.key().equals("zhang2023")).findFirst().orElseThrow();
            assertTrue(zhang.label().startsWith("张三, 李四, 王五 等. 2023. 外泌体"), zhang.label());
        }
    }

    @Test
    void placesOfOneDocumentShareTheNumbering() throws Exception {
        try (Study s = library()) {
            CitationProvider p = new CitationProviders().require();
            CitedReferences c = p.cite(s, List.of(List.of("zhang2023"), List.of("wang2023", "zhang2023"), List.of("wang2023")),
                    "gbt7714");
            assertEquals("china-national-standard-gb-t-7714-2015-numeric", c.style());
            assertEquals(List.of("[1]", "[1,2]", "[2]"), c.citations());
            assertEquals(List.of("zhang2023", "wang2023"), c.keys(), "numbered in the order first cited");
            assertEquals("[1] 张三, 李四, 王五, 等. 外泌体在神经病理性疼痛中的作用研究进展[J]. 中国疼痛医学杂志, 2023, 29(1): 25-31.",
                    c.entries().get(0));
            assertTrue(c.entries().get(1).startsWith("[2] WANG L, SMITH J A, CHEN J, et al."), c.entries().get(1));
        }
    }

    @Test
    void authorDatePlacesAreInTheReferencesLanguage() throws Exception {
        try (Study s = library()) {
            CitedReferences c = new CitationProviders().cite(s, List.of(List.of("wang2023", "zhang2023")), "apa");
            assertEquals("(Wang et al., 2023; 张三 等, 2023)", c.citations().get(0));
        }
    }

    @Test
    void anUnknownKeyOrStyleIsNamed() throws Exception {
        try (Study s = library()) {
            StudyException e = assertThrows(StudyException.class,
                    () -> new CitationProviders().cite(s, List.of(List.of("wang2023", "nosuch1999")), "ama"));
            assertTrue(e.getMessage().contains("'nosuch1999'") && e.getMessage().contains("library"), e.getMessage());
            e = assertThrows(StudyException.class,
                    () -> new CitationProviders().cite(s, List.of(List.of("wang2023")), "no-such-style"));
            assertTrue(e.getMessage().contains("no-such-style"), e.getMessage());
        }
    }
}
