package org.painlab.trial.store;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.painlab.trial.Instruments;
import org.painlab.trial.instrument.Instrument;

/**
 * The instruments the trial store validates answers with, looked up by id: a snapshot of the
 * {@link Instruments} registry (the built-ins and other plugins' instruments, all contributed
 * through {@code org.painlab.trial.instruments}), or a given set.
 *
 * @since 0.1
 */
public final class InstrumentCatalog {
    private final Map<String, Instrument> byId;

    private InstrumentCatalog(Collection<Instrument> instruments) {
        Map<String, Instrument> m = new LinkedHashMap<>();
        for (Instrument i : instruments) {
            m.putIfAbsent(i.id(), i);
        }
        this.byId = Collections.unmodifiableMap(m);
    }

    /**
     * The instruments installed in the running platform.
     *
     * @return the catalog
     */
    public static InstrumentCatalog installed() {
        return new InstrumentCatalog(new Instruments().all());
    }

    /**
     * A catalog of the given instruments (the first of a duplicate id wins).
     *
     * @param instruments the instruments
     * @return the catalog
     */
    public static InstrumentCatalog of(Collection<Instrument> instruments) {
        return new InstrumentCatalog(instruments);
    }

    /**
     * The instrument with an id.
     *
     * @param id e.g. "odi"
     * @return the instrument, or empty
     */
    public Optional<Instrument> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /**
     * All instruments in catalog order.
     *
     * @return an unmodifiable list
     */
    public List<Instrument> all() {
        return List.copyOf(byId.values());
    }

    /**
     * The ids, for messages.
     *
     * @return e.g. "vas, nrs, odi, ..."
     */
    public String ids() {
        return String.join(", ", byId.keySet());
    }
}
