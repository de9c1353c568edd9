package org.painlab.trial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.painlab.trial.instrument.Instrument;
import org.painlab.trial.store.InstrumentCatalog;

/** The built-in instruments exist only as contributions to org.painlab.trial.instruments. */
class InstrumentsTest {
    private static final Set<String> BUILT_INS = Set.of("vas", "nrs", "odi", "joa", "sf36", "macnab", "complications");

    @Test
    void all7BuiltInsComeFromTheRegistry() {
        List<String> ids = new Instruments().all().stream().map(Instrument::id).toList();
        assertTrue(ids.containsAll(BUILT_INS), ids.toString());
        assertEquals(7, ids.stream().filter(BUILT_INS::contains).count(), ids.toString());
        for (String id : BUILT_INS) {
            assertEquals(id, new Instruments().get(id).id());
        }
    }

    @Test
    void theStoreCatalogIsTheRegistrysSnapshot() {
        InstrumentCatalog catalog = InstrumentCatalog.installed();
        assertEquals(new Instruments().all().stream().map(Instrument::id).toList(),
                catalog.all().stream().map(Instrument::id).toList());
        assertTrue(catalog.find("odi").isPresent());
        assertTrue(catalog.find("pcs").isEmpty());
    }

    @Test
    void anUnknownInstrumentNamesTheInstalledOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Instruments().get("pcs"));
        assertTrue(e.getMessage().contains("unknown instrument 'pcs'") && e.getMessage().contains("odi"), e.getMessage());
    }
}
