package org.example.painlab.pcs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.painlab.cli.Painlab;

class PcsDescribeCommandTest {
    @Test
    @SuppressWarnings("unchecked")
    void describeJsonListsItemsSubscalesAndRange() {
        Painlab.Result r = Painlab.run("pcs", "describe", "--json");
        assertEquals(0, r.exitCode(), r.err());
        Map<String, Object> json = r.json();
        assertEquals("pcs", json.get("instrument"));
        assertEquals(13, ((List<?>) json.get("items")).size());
        Map<String, Object> subscales = (Map<String, Object>) json.get("subscales");
        assertEquals(List.of("rumination", "magnification", "helplessness"), List.copyOf(subscales.keySet()));
        assertEquals(List.of("pcs8", "pcs9", "pcs10", "pcs11"), ((Map<String, Object>) subscales.get("rumination")).get("items"));
        assertEquals(52, ((Number) json.get("max")).intValue());
    }
}
