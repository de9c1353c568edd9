package org.painlab.trial.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.painlab.trial.Instruments;
import org.painlab.trial.instrument.ComplicationsInstrument;
import org.painlab.trial.instrument.Instrument;
import org.painlab.trial.instrument.JoaInstrument;
import org.painlab.trial.instrument.MacNabInstrument;
import org.painlab.trial.instrument.NrsInstrument;
import org.painlab.trial.instrument.OdiInstrument;
import org.painlab.trial.instrument.Sf36Instrument;
import org.painlab.trial.instrument.VasInstrument;

/**
 * The instruments the trial store validates answers with, looked up by id. {@link #installed()}
 * holds those contributed through {@code org.painlab.trial.instruments} plus the built-ins (which
 * are always available, also outside a running platform).
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
     * The built-in instruments: vas, nrs, odi, joa, sf36, macnab, complications.
     *
     * @return the catalog
     */
    public static InstrumentCatalog builtIns() {
        return new InstrumentCatalog(builtInList());
    }

    /**
     * The contributed instruments of the running platform, then the built-ins not contributed.
     *
     * @return the catalog
     */
    public static InstrumentCatalog installed() {
        List<Instrument> all = new ArrayList<>();
        try {
            all.addAll(new Instruments().all());
        } catch (RuntimeException | LinkageError e) {
            // no running platform (plain JVM): the built-ins below are what is installed
        }
        all.addAll(builtInList());
        return new InstrumentCatalog(all);
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

    private static List<Instrument> builtInList() {
        return List.of(new VasInstrument(), new NrsInstrument(), new OdiInstrument(), new JoaInstrument(),
                new Sf36Instrument(), new MacNabInstrument(), new ComplicationsInstrument());
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
