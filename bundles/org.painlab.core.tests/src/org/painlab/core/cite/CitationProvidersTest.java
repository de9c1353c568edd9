package org.painlab.core.cite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.painlab.core.StudyException;

/** The citation contract's registry: without a provider, a report that cites says what to install. */
class CitationProvidersTest {

    @Test
    void withoutAProviderTheMessageSaysWhatToInstall() throws Exception {
        CitationProviders none = new CitationProviders(List.of());
        assertTrue(none.provider().isEmpty());
        StudyException e = assertThrows(StudyException.class, () -> none.cite(null, List.of(List.of("k")), "apa"));
        assertEquals(CitationProviders.NONE, e.getMessage());
        assertTrue(e.getMessage().contains("org.painlab.core.citationProviders") && e.getMessage().contains("Literature"),
                e.getMessage());
    }

    @Test
    void theExtensionPointIsDeclared() {
        assertTrue(org.eclipse.core.runtime.Platform.getExtensionRegistry().getExtensionPoint(CitationProviders.POINT) != null,
                CitationProviders.POINT + " is declared in core's plugin.xml");
    }

    @Test
    void entriesAndKeysPairUp() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new CitedReferences("apa", List.of("(A, 2020)"), List.of("A. 2020."), List.of()));
        assertTrue(e.getMessage().contains("1 bibliography entries for 0 keys"), e.getMessage());
    }
}
