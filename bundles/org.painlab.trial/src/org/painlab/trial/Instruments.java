package org.painlab.trial;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.painlab.core.extension.Contribution;
import org.painlab.core.extension.ContributionException;
import org.painlab.core.extension.ExtensionReader;
import org.painlab.trial.instrument.Instrument;

/**
 * The instruments installed in the workbench: the built-ins and those contributed by
 * other plugins through {@code org.painlab.trial.instruments}, looked up by their id.
 *
 * @since 0.1
 */
public final class Instruments {
    /** The extension point the instruments are contributed to. */
    public static final String POINT = "org.painlab.trial.instruments";
    private final ExtensionReader<Instrument> reader = new ExtensionReader<>(POINT, "instrument", Instrument.class);

    /** @return the valid contributions (id, name, contributor), ordered by their {@code order} attribute then id */
    public List<Contribution<Instrument>> contributions() {
        return reader.read();
    }

    /** All instruments that could be created (broken contributions are logged and skipped). */
    public List<Instrument> all() {
        return reader.createAll();
    }

    public Optional<Instrument> find(String id) {
        Optional<Contribution<Instrument>> c = reader.find(id);
        if (c.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(c.get().get());
        } catch (ContributionException e) {
            return Optional.empty();
        }
    }

    /** The instrument with {@code id}; the error lists the installed ids. */
    public Instrument get(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("unknown instrument '" + id + "'; installed: "
                + reader.read().stream().map(Contribution::id).collect(Collectors.joining(", "))));
    }
}
