package org.painlab.mechanism.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.painlab.mechanism.math.FunctionDefinition;

/**
 * A mechanism model as the workbench holds it, independent of the file it came from: compartments, species,
 * parameters, reactions, rules, initial assignments, function definitions and events. Immutable; settings
 * make changed copies ({@link #withParameter}).
 *
 * @param id model id
 * @param name display name
 * @param functions function definitions
 * @param compartments compartments
 * @param species species
 * @param parameters global parameters
 * @param initialAssignments initial assignments
 * @param rules assignment and rate rules
 * @param reactions reactions
 * @param events events
 * @param conversionFactor id of the model-wide species conversion factor parameter, or null
 * @since 0.1
 */
public record Model(String id, String name, List<FunctionDefinition> functions, List<Compartment> compartments,
        List<Species> species, List<Parameter> parameters, List<InitialAssignment> initialAssignments,
        List<Rule> rules, List<Reaction> reactions, List<Event> events, String conversionFactor) {
    /** Copies the lists. */
    public Model {
        functions = List.copyOf(functions);
        compartments = List.copyOf(compartments);
        species = List.copyOf(species);
        parameters = List.copyOf(parameters);
        initialAssignments = List.copyOf(initialAssignments);
        rules = List.copyOf(rules);
        reactions = List.copyOf(reactions);
        events = List.copyOf(events);
    }

    public Optional<Species> speciesById(String sid) {
        return species.stream().filter(s -> s.id().equals(sid)).findFirst();
    }

    public Optional<Parameter> parameter(String pid) {
        return parameters.stream().filter(p -> p.id().equals(pid)).findFirst();
    }

    public Optional<Event> event(String eid) {
        return events.stream().filter(e -> eid.equals(e.id())).findFirst();
    }

    /** Function definitions by id. */
    public Map<String, FunctionDefinition> functionMap() {
        Map<String, FunctionDefinition> m = new LinkedHashMap<>();
        functions.forEach(f -> m.put(f.id(), f));
        return m;
    }

    /**
     * A copy with parameter {@code pid} starting at {@code value}.
     *
     * @throws IllegalArgumentException when the model has no such parameter
     */
    public Model withParameter(String pid, double value) {
        if (parameter(pid).isEmpty()) {
            throw new IllegalArgumentException("model '" + id + "' has no parameter '" + pid + "'");
        }
        List<Parameter> ps = parameters.stream().map(p -> p.id().equals(pid) ? p.withValue(value) : p).toList();
        // a number set by the user wins over the model's own initial assignment of it
        List<InitialAssignment> ias = initialAssignments.stream().filter(a -> !a.variable().equals(pid)).toList();
        return new Model(id, name, functions, compartments, species, ps, ias, rules, reactions, events, conversionFactor);
    }

    /** A copy with {@code extra} events added (timed interventions). */
    public Model withEvents(List<Event> extra) {
        List<Event> all = new ArrayList<>(events);
        all.addAll(extra);
        return new Model(id, name, functions, compartments, species, parameters, initialAssignments, rules, reactions,
                all, conversionFactor);
    }
}
