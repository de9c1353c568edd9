package org.painlab.trial.instrument;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Small helpers for the instrument tests. */
final class TestSupport {

    private TestSupport() {
    }

    /** Answers from alternating id, value pairs. */
    static Map<String, Double> answers(Object... idValue) {
        Map<String, Double> m = new HashMap<>();
        for (int i = 0; i < idValue.length; i += 2) {
            m.put((String) idValue[i], idValue[i + 1] == null ? null : ((Number) idValue[i + 1]).doubleValue());
        }
        return m;
    }

    /** Answers for the given ids in order, one value each. */
    static Map<String, Double> answersFor(List<String> ids, double... values) {
        Map<String, Double> m = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            m.put(ids.get(i), values[i]);
        }
        return m;
    }

    /** All item ids of an instrument. */
    static List<String> ids(Instrument instrument) {
        return instrument.items().stream().map(Item::id).toList();
    }
}
