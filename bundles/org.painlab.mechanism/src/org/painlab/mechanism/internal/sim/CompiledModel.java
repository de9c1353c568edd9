package org.painlab.mechanism.internal.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.painlab.mechanism.math.Compiler;
import org.painlab.mechanism.math.Evaluator;
import org.painlab.mechanism.math.Expr;
import org.painlab.mechanism.math.MathException;
import org.painlab.mechanism.model.Compartment;
import org.painlab.mechanism.model.Event;
import org.painlab.mechanism.model.InitialAssignment;
import org.painlab.mechanism.model.Model;
import org.painlab.mechanism.model.ModelException;
import org.painlab.mechanism.model.Parameter;
import org.painlab.mechanism.model.Reaction;
import org.painlab.mechanism.model.Rule;
import org.painlab.mechanism.model.Species;
import org.painlab.mechanism.model.SpeciesReference;
import org.painlab.mechanism.model.UnsupportedFeatureException;
import org.painlab.mechanism.solve.OdeSystem;

/**
 * A model compiled for integration. Symbol values live in one array (compartments, species as formulas see
 * them, parameters, reaction rates, local parameters); the state vector holds species amounts and the values
 * of variables changed by rate rules or events. Every formula is compiled against fixed indices.
 */
public final class CompiledModel implements OdeSystem {
    /** One way a value is filled in from the state each evaluation. */
    private interface Step {
        void run(double[] v, double[] y, double t);
    }

    private final Map<String, Integer> index = new LinkedHashMap<>();
    private final double[] declared;
    /** Constant values for a run: the declared ones, then those initial assignments set (filled by {@link #initialState}). */
    private final double[] constants;
    private int[] initiallyAssigned = new int[0];
    private final Map<String, Integer> stateOf = new LinkedHashMap<>();
    private final List<String> stateIds = new ArrayList<>();
    private final Map<String, Species> species = new HashMap<>();
    private final Set<String> assigned = new HashSet<>();
    private final Compiler compiler;
    private final Step[] fill;
    private final int[] rateSlot;
    private final Evaluator[] rateLaw;
    private final Evaluator[] derivative;
    private final Step[] init;
    private final List<CompiledEvent> events = new ArrayList<>();
    private final double[] scratch;

    /** A compiled event: trigger value, switching function and assignments. */
    public record CompiledEvent(String id, Evaluator trigger, Evaluator switching, boolean initialValue,
            int[] targets, Evaluator[] values) {
    }

    /**
     * @throws ModelException an unknown symbol, a cycle of rules, a change to a constant
     * @throws UnsupportedFeatureException a feature the simulator does not implement
     */
    public CompiledModel(Model m) throws ModelException, UnsupportedFeatureException {
        List<Double> decl = new ArrayList<>();
        for (Compartment c : m.compartments()) {
            slot(c.id(), c.size(), decl);
        }
        Map<String, Compartment> comps = new HashMap<>();
        m.compartments().forEach(c -> comps.put(c.id(), c));
        for (Species s : m.species()) {
            species.put(s.id(), s);
            slot(s.id(), Double.NaN, decl);
        }
        for (Parameter p : m.parameters()) {
            slot(p.id(), p.value(), decl);
        }
        for (Reaction r : m.reactions()) {
            slot(r.id(), Double.NaN, decl);
        }
        Map<String, Rule> assignmentRules = new LinkedHashMap<>();
        Map<String, Rule> rateRules = new LinkedHashMap<>();
        for (Rule r : m.rules()) {
            if (!index.containsKey(r.variable())) {
                throw new ModelException("rule for unknown variable '" + r.variable() + "'");
            }
            Map<String, Rule> into = r.kind() == Rule.Kind.ASSIGNMENT ? assignmentRules : rateRules;
            if (assignmentRules.containsKey(r.variable()) || rateRules.containsKey(r.variable())) {
                throw new ModelException("two rules for '" + r.variable() + "'");
            }
            into.put(r.variable(), r);
        }
        assigned.addAll(assignmentRules.keySet());
        // state: what changes other than by an assignment rule
        Set<String> eventTargets = new HashSet<>();
        m.events().forEach(e -> e.assignments().forEach(a -> eventTargets.add(a.variable())));
        for (Compartment c : m.compartments()) {
            if (!c.constant() && !assigned.contains(c.id())) {
                state(c.id());
            }
        }
        for (Species s : m.species()) {
            if (!s.constant() && !assigned.contains(s.id())) {
                state(s.id());
            }
        }
        for (Parameter p : m.parameters()) {
            if (!p.constant() && !assigned.contains(p.id())) {
                state(p.id());
            }
        }
        for (String target : eventTargets) {
            if (!stateOf.containsKey(target)) {
                throw new ModelException("event changes '" + target + "', which is constant, unknown or set by an assignment rule");
            }
        }
        for (String v : rateRules.keySet()) {
            if (!stateOf.containsKey(v)) {
                throw new ModelException("rate rule for '" + v + "', which is constant");
            }
        }
        // local parameters get their own slots, seen only by their kinetic law
        Map<String, Map<String, Integer>> locals = new HashMap<>();
        for (Reaction r : m.reactions()) {
            Map<String, Integer> l = new HashMap<>();
            for (var e : r.localParameters().entrySet()) {
                l.put(e.getKey(), decl.size());
                decl.add(e.getValue());
            }
            locals.put(r.id(), l);
        }
        declared = decl.stream().mapToDouble(Double::doubleValue).toArray();
        scratch = new double[declared.length];
        constants = declared.clone();
        compiler = new Compiler(id -> index.getOrDefault(id, -1), m.functionMap());

        // filling values from the state: compartments and parameters first, then species and assignment
        // rules in dependency order
        List<Step> steps = new ArrayList<>();
        for (String id : stateIds) {
            if (!species.containsKey(id)) {
                int i = index.get(id), k = stateOf.get(id);
                steps.add((v, y, t) -> v[i] = y[k]);
            }
        }
        Map<String, Set<String>> deps = new LinkedHashMap<>();
        Map<String, Step> nodes = new HashMap<>();
        for (Species s : m.species()) {
            if (stateOf.containsKey(s.id())) {
                deps.put(s.id(), Set.of(s.compartment()));
                nodes.put(s.id(), speciesFromAmount(s));
            }
        }
        Set<String> reactionIds = new HashSet<>();
        m.reactions().forEach(r -> reactionIds.add(r.id()));
        for (Rule r : assignmentRules.values()) {
            Set<String> reads = r.math().names(new HashSet<>());
            for (String x : reads) {
                if (reactionIds.contains(x)) {
                    throw new UnsupportedFeatureException("assignment rule reading a reaction rate", "rule for '" + r.variable() + "' reads '" + x + "'");
                }
            }
            deps.put(r.variable(), reads);
            int i = index.get(r.variable());
            Evaluator e = compile(r.math(), "assignment rule for '" + r.variable() + "'");
            nodes.put(r.variable(), (v, y, t) -> v[i] = e.eval(v, t));
        }
        for (String id : order(deps, "assignment rules")) {
            steps.add(nodes.get(id));
        }
        fill = steps.toArray(Step[]::new);

        rateSlot = new int[m.reactions().size()];
        rateLaw = new Evaluator[m.reactions().size()];
        for (int r = 0; r < rateLaw.length; r++) {
            Reaction re = m.reactions().get(r);
            rateSlot[r] = index.get(re.id());
            Map<String, Integer> l = locals.get(re.id());
            Compiler local = new Compiler(id -> l.containsKey(id) ? l.get(id) : index.getOrDefault(id, -1), m.functionMap());
            try {
                rateLaw[r] = local.compile(re.rate());
            } catch (MathException e) {
                throw new ModelException("kinetic law of reaction '" + re.id() + "': " + e.getMessage());
            }
        }
        derivative = new Evaluator[stateIds.size()];
        buildDerivatives(m, comps, rateRules);
        init = initialisation(m);
        for (Event e : m.events()) {
            compileEvent(e);
        }
    }

    private Step speciesFromAmount(Species s) {
        int i = index.get(s.id()), k = stateOf.get(s.id());
        if (s.hasOnlySubstanceUnits()) {
            return (v, y, t) -> v[i] = y[k];
        }
        int c = index.get(s.compartment());
        return (v, y, t) -> v[i] = y[k] / v[c];
    }

    private void buildDerivatives(Model m, Map<String, Compartment> comps, Map<String, Rule> rateRules)
            throws ModelException, UnsupportedFeatureException {
        for (int k = 0; k < stateIds.size(); k++) {
            String id = stateIds.get(k);
            Rule rr = rateRules.get(id);
            Species s = species.get(id);
            if (rr != null) {
                Evaluator e = compile(rr.math(), "rate rule for '" + id + "'");
                if (s != null && !s.hasOnlySubstanceUnits()) {
                    Compartment c = comps.get(s.compartment());
                    if (c == null || !c.constant()) {
                        throw new UnsupportedFeatureException("rate rule on a concentration in a variable compartment", "species '" + id + "'");
                    }
                    int ci = index.get(s.compartment());
                    derivative[k] = (v, t) -> e.eval(v, t) * v[ci];
                } else {
                    derivative[k] = e;
                }
                continue;
            }
            if (s == null || s.boundaryCondition()) {
                derivative[k] = (v, t) -> 0;
                continue;
            }
            List<Integer> slots = new ArrayList<>();
            List<Double> coefficients = new ArrayList<>();
            for (Reaction r : m.reactions()) {
                double net = 0;
                for (SpeciesReference sr : r.reactants()) {
                    net -= sr.species().equals(id) ? sr.stoichiometry() : 0;
                }
                for (SpeciesReference sr : r.products()) {
                    net += sr.species().equals(id) ? sr.stoichiometry() : 0;
                }
                boolean takesPart = r.reactants().stream().anyMatch(x -> x.species().equals(id))
                        || r.products().stream().anyMatch(x -> x.species().equals(id));
                if (takesPart && net != 0) {
                    slots.add(index.get(r.id()));
                    coefficients.add(net);
                }
            }
            int[] sl = slots.stream().mapToInt(Integer::intValue).toArray();
            double[] co = coefficients.stream().mapToDouble(Double::doubleValue).toArray();
            String cf = s.conversionFactor() != null ? s.conversionFactor() : m.conversionFactor();
            int cfi = cf == null ? -1 : index.getOrDefault(cf, -1);
            if (cf != null && cfi < 0) {
                throw new ModelException("species '" + id + "': unknown conversion factor '" + cf + "'");
            }
            derivative[k] = (v, t) -> {
                double d = 0;
                for (int j = 0; j < sl.length; j++) {
                    d += co[j] * v[sl[j]];
                }
                return cfi < 0 ? d : d * v[cfi];
            };
        }
    }

    /** Steps that compute the starting values: declared values, then initial assignments and rules in order. */
    private Step[] initialisation(Model m) throws ModelException {
        Map<String, Set<String>> deps = new LinkedHashMap<>();
        Map<String, Step> nodes = new HashMap<>();
        Map<String, Expr> defining = new LinkedHashMap<>();
        List<Integer> constantTargets = new ArrayList<>();
        for (InitialAssignment a : m.initialAssignments()) {
            if (!index.containsKey(a.variable())) {
                throw new ModelException("initial assignment to unknown '" + a.variable() + "'");
            }
            defining.put(a.variable(), a.math());
            if (!stateOf.containsKey(a.variable())) {
                // a parameter or compartment fixed at t0: its value must outlive the initialisation
                constantTargets.add(index.get(a.variable()));
            }
        }
        initiallyAssigned = constantTargets.stream().mapToInt(Integer::intValue).toArray();
        for (Rule r : m.rules()) {
            if (r.kind() == Rule.Kind.ASSIGNMENT) {
                if (defining.containsKey(r.variable())) {
                    throw new ModelException("'" + r.variable() + "' has both an initial assignment and an assignment rule");
                }
                defining.put(r.variable(), r.math());
            }
        }
        for (Species s : m.species()) {
            if (!defining.containsKey(s.id())) {
                int i = index.get(s.id()), c = index.get(s.compartment());
                if (!Double.isNaN(s.initialAmount())) {
                    double a = s.initialAmount();
                    nodes.put(s.id(), s.hasOnlySubstanceUnits() ? (v, y, t) -> v[i] = a : (v, y, t) -> v[i] = a / v[c]);
                } else {
                    double conc = s.initialConcentration();
                    nodes.put(s.id(), s.hasOnlySubstanceUnits() ? (v, y, t) -> v[i] = conc * v[c] : (v, y, t) -> v[i] = conc);
                }
                deps.put(s.id(), Set.of(s.compartment()));
            }
        }
        for (var d : defining.entrySet()) {
            int i = index.get(d.getKey());
            Evaluator e = compile(d.getValue(), "initial value of '" + d.getKey() + "'");
            nodes.put(d.getKey(), (v, y, t) -> v[i] = e.eval(v, t));
            deps.put(d.getKey(), d.getValue().names(new HashSet<>()));
        }
        List<Step> out = new ArrayList<>();
        for (String id : order(deps, "initial assignments and rules")) {
            out.add(nodes.get(id));
        }
        return out.toArray(Step[]::new);
    }

    private void compileEvent(Event e) throws ModelException, UnsupportedFeatureException {
        String what = "event '" + (e.id() == null ? "(no id)" : e.id()) + "'";
        if (e.delay() != null) {
            throw new UnsupportedFeatureException("event delay", what);
        }
        int[] targets = new int[e.assignments().size()];
        Evaluator[] values = new Evaluator[targets.length];
        for (int i = 0; i < targets.length; i++) {
            Event.Assignment a = e.assignments().get(i);
            targets[i] = index.get(a.variable());
            values[i] = compile(a.math(), what + " assignment to '" + a.variable() + "'");
        }
        Evaluator trigger = compile(e.trigger(), what + " trigger");
        Evaluator switching;
        try {
            switching = compiler.switching(e.trigger());
        } catch (MathException x) {
            throw new ModelException(what + " trigger: " + x.getMessage());
        }
        events.add(new CompiledEvent(e.id(), trigger, switching, e.initialValue(), targets, values));
    }

    private Evaluator compile(Expr e, String where) throws ModelException {
        try {
            return compiler.compile(e);
        } catch (MathException x) {
            throw new ModelException(where + ": " + x.getMessage());
        }
    }

    private static List<String> order(Map<String, Set<String>> deps, String what) throws ModelException {
        List<String> out = new ArrayList<>();
        Map<String, Integer> mark = new HashMap<>();
        for (String id : deps.keySet()) {
            visit(id, deps, mark, out, what);
        }
        return out;
    }

    private static void visit(String id, Map<String, Set<String>> deps, Map<String, Integer> mark, List<String> out,
            String what) throws ModelException {
        Integer m = mark.get(id);
        if (m != null) {
            if (m == 1) {
                throw new ModelException("circular " + what + " through '" + id + "'");
            }
            return;
        }
        mark.put(id, 1);
        for (String d : deps.get(id)) {
            if (deps.containsKey(d) && !d.equals(id)) {
                visit(d, deps, mark, out, what);
            } else if (d.equals(id)) {
                throw new ModelException("circular " + what + ": '" + id + "' depends on itself");
            }
        }
        mark.put(id, 2);
        out.add(id);
    }

    private void slot(String id, double value, List<Double> decl) throws ModelException {
        if (index.containsKey(id)) {
            throw new ModelException("id '" + id + "' is used twice");
        }
        index.put(id, decl.size());
        decl.add(value);
    }

    private void state(String id) {
        stateOf.put(id, stateIds.size());
        stateIds.add(id);
    }

    @Override
    public int dimension() {
        return stateIds.size();
    }

    /** Ids of the state variables, in state order. */
    public List<String> stateIds() {
        return List.copyOf(stateIds);
    }

    /** Index of a symbol in the values array, or -1. */
    public int indexOf(String id) {
        return index.getOrDefault(id, -1);
    }

    /** Whether {@code id} is a species. */
    public Species species(String id) {
        return species.get(id);
    }

    /** The state at {@code t0}, from declared values, initial assignments and rules. */
    public double[] initialState(double t0) {
        double[] v = declared.clone();
        for (Step s : init) {
            s.run(v, null, t0);
        }
        for (int i : initiallyAssigned) {
            constants[i] = v[i];
        }
        double[] y = new double[stateIds.size()];
        for (int k = 0; k < y.length; k++) {
            String id = stateIds.get(k);
            y[k] = amountOf(id, v[index.get(id)], v);
        }
        return y;
    }

    private double amountOf(String id, double mathValue, double[] v) {
        Species s = species.get(id);
        if (s == null || s.hasOnlySubstanceUnits()) {
            return mathValue;
        }
        return mathValue * v[index.get(s.compartment())];
    }

    /** Fills {@code v} (length {@link #valueCount()}) with every symbol's value at (t, y), reaction rates included. */
    public void values(double t, double[] y, double[] v) {
        System.arraycopy(constants, 0, v, 0, constants.length);
        for (Step s : fill) {
            s.run(v, y, t);
        }
        for (int r = 0; r < rateLaw.length; r++) {
            v[rateSlot[r]] = rateLaw[r].eval(v, t);
        }
    }

    public int valueCount() {
        return declared.length;
    }

    @Override
    public void derivatives(double t, double[] y, double[] dydt) {
        double[] v = scratch;
        values(t, y, v);
        for (int k = 0; k < dydt.length; k++) {
            dydt[k] = derivative[k].eval(v, t);
        }
    }

    public List<CompiledEvent> events() {
        return List.copyOf(events);
    }

    /**
     * Makes the assignments of {@code fired} events: all values are computed first from the state before any
     * of them, then written (species values converted to amounts with the compartment sizes after the change).
     */
    public void fire(List<CompiledEvent> fired, double t, double[] y) {
        double[] v = new double[declared.length];
        values(t, y, v);
        List<double[]> computed = new ArrayList<>();
        for (CompiledEvent e : fired) {
            double[] x = new double[e.values().length];
            for (int i = 0; i < x.length; i++) {
                x[i] = e.values()[i].eval(v, t);
            }
            computed.add(x);
        }
        String[] ids = index.keySet().toArray(String[]::new);
        // compartments first, so species concentrations set by the same events use the new sizes
        for (int pass = 0; pass < 2; pass++) {
            for (int j = 0; j < fired.size(); j++) {
                CompiledEvent e = fired.get(j);
                for (int i = 0; i < e.targets().length; i++) {
                    String id = ids[e.targets()[i]];
                    boolean isSpecies = species.containsKey(id);
                    if (isSpecies == (pass == 1)) {
                        v[e.targets()[i]] = computed.get(j)[i];
                    }
                }
            }
        }
        for (CompiledEvent e : fired) {
            for (int target : e.targets()) {
                String id = ids[target];
                y[stateOf.get(id)] = amountOf(id, v[target], v);
            }
        }
    }
}
