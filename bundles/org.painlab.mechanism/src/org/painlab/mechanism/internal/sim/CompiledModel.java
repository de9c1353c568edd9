package org.painlab.mechanism.internal.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.ToIntFunction;

import org.painlab.mechanism.math.Compiler;
import org.painlab.mechanism.math.Evaluator;
import org.painlab.mechanism.math.Expr;
import org.painlab.mechanism.math.MathException;
import org.painlab.mechanism.math.Op;
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
 * of variables changed by rate rules or events. The right-hand side (species concentrations, assignment rules,
 * reaction rates, derivatives) and, where every formula can be differentiated, the analytic Jacobian are one
 * {@link Program} over a register array that starts with the symbol values. The compiled parts are shared by
 * {@link #instance() instances}; each instance has its own values and work array, so threads each use one.
 */
public final class CompiledModel implements OdeSystem {
    /** One way a value is filled in from the state each evaluation. */
    private interface Step {
        void run(double[] v, double[] y, double t);
    }

    private final Map<String, Integer> index;
    /** This instance's declared symbol values (parameters may be set per run). */
    private final double[] declared;
    /** Register start values for a run: the declared ones, those initial assignments set (filled by {@link #initialState}), the literals. */
    private final double[] constants;
    private int[] initiallyAssigned = new int[0];
    private final Map<String, Integer> stateOf;
    private final List<String> stateIds;
    private final Map<String, Species> species;
    private final Set<String> assigned = new HashSet<>();
    private final Compiler compiler;
    private final Program program;
    /** Computes the registers that depend only on constants, into {@link #constants}. */
    private final Program prelude;
    /** End of the instructions that fill the symbol values (rates included), of the derivatives, of the Jacobian. */
    private final int valuesEnd, derivativesEnd, jacobianEnd;
    private final int[] derivativeRegister;
    /** Non-zero Jacobian entries: row, column, register; null when finite differences must do. */
    private final int[][] jacobianEntries;
    private final int registers;
    private final Step[] init;
    private final List<CompiledEvent> events;
    private final double[] scratch;

    /**
     * A compiled event: trigger value, switching function, assignments, and delay and priority (null when the
     * event has none).
     */
    public record CompiledEvent(String id, Evaluator trigger, Evaluator switching, boolean initialValue,
            int[] targets, Evaluator[] values, Evaluator delay, Evaluator priority, boolean persistent,
            boolean useValuesFromTriggerTime) {
    }

    /**
     * @throws ModelException an unknown symbol, a cycle of rules, a change to a constant
     * @throws UnsupportedFeatureException a feature the simulator does not implement
     */
    public CompiledModel(Model m) throws ModelException, UnsupportedFeatureException {
        index = new LinkedHashMap<>();
        stateOf = new LinkedHashMap<>();
        stateIds = new ArrayList<>();
        species = new HashMap<>();
        events = new ArrayList<>();
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
        compiler = new Compiler(id -> index.getOrDefault(id, -1), m.functionMap());
        ToIntFunction<String> globalNames = id -> index.getOrDefault(id, -1);
        ProgramBuilder code = new ProgramBuilder(declared.length);
        // what the analytic Jacobian is built from: each symbol slot's defining formula, in evaluation order
        List<Definition> definitions = new ArrayList<>();
        Map<Integer, Map<Integer, Expr>> base = new LinkedHashMap<>();

        // filling values from the state: compartments and parameters first, then species and assignment
        // rules in dependency order
        for (String id : stateIds) {
            if (!species.containsKey(id)) {
                int i = index.get(id), k = stateOf.get(id);
                code.loadState(i, k);
                base.put(i, Map.of(k, Expr.num(1)));
            }
        }
        Map<String, Set<String>> deps = new LinkedHashMap<>();
        Map<String, Expr> rules = new HashMap<>();
        for (Species s : m.species()) {
            if (stateOf.containsKey(s.id())) {
                deps.put(s.id(), Set.of(s.compartment()));
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
            rules.put(r.variable(), inline(r.math(), "assignment rule for '" + r.variable() + "'"));
        }
        for (String id : order(deps, "assignment rules")) {
            int i = index.get(id);
            Species s = species.get(id);
            if (s != null && stateOf.containsKey(id) && !assigned.contains(id)) {
                speciesFromAmount(s, code, base);
            } else {
                Expr e = rules.get(id);
                code.copy(i, emit(code, e, globalNames, "assignment rule for '" + id + "'"));
                definitions.add(new Definition(i, e, globalNames));
            }
        }
        for (Reaction re : m.reactions()) {
            Map<String, Integer> l = locals.get(re.id());
            ToIntFunction<String> names = id -> l.containsKey(id) ? l.get(id) : index.getOrDefault(id, -1);
            String where = "kinetic law of reaction '" + re.id() + "'";
            Expr law = inline(re.rate(), where);
            int slot = index.get(re.id());
            code.copy(slot, emit(code, law, names, where));
            definitions.add(new Definition(slot, law, names));
        }
        valuesEnd = code.position();
        Expr[] derivative = derivatives(m, comps, rateRules);
        derivativeRegister = new int[derivative.length];
        for (int k = 0; k < derivative.length; k++) {
            derivativeRegister[k] = emit(code, derivative[k], globalNames, "derivative of '" + stateIds.get(k) + "'");
        }
        derivativesEnd = code.position();
        List<int[]> entries = analyticJacobian(code, base, definitions, derivative, globalNames);
        jacobianEnd = code.position();
        program = code.build();
        prelude = code.prelude();
        for (int k = 0; k < derivativeRegister.length; k++) {
            derivativeRegister[k] = code.register(derivativeRegister[k]);
        }
        if (entries == null) {
            jacobianEntries = null;
        } else {
            jacobianEntries = entries.stream().map(e -> new int[] {e[0], e[1], code.register(e[2])}).toArray(int[][]::new);
        }
        registers = code.registers();
        constants = new double[code.constantRegisters()];
        System.arraycopy(declared, 0, constants, 0, declared.length);
        System.arraycopy(code.literals(), 0, constants, declared.length, code.literals().length);
        scratch = new double[registers];
        init = initialisation(m);
        prelude.run(constants, null, 0, 0, prelude.length());
        for (Event e : m.events()) {
            compileEvent(e);
        }
    }

    /** One symbol's formula: the Jacobian differentiates it by the names it reads. */
    private record Definition(int slot, Expr math, ToIntFunction<String> names) {
    }

    private void speciesFromAmount(Species s, ProgramBuilder code, Map<Integer, Map<Integer, Expr>> base) {
        int i = index.get(s.id()), k = stateOf.get(s.id());
        if (s.hasOnlySubstanceUnits()) {
            code.loadState(i, k);
            base.put(i, Map.of(k, Expr.num(1)));
            return;
        }
        int c = index.get(s.compartment());
        code.loadStateDivided(i, k, c);
        Map<Integer, Expr> d = new TreeMap<>();
        Expr size = Expr.name(s.compartment());
        d.put(k, Expr.apply(Op.DIVIDE, Expr.num(1), size));
        Integer kc = stateOf.get(s.compartment());
        if (kc != null) {
            d.put(kc, Expr.apply(Op.MINUS, Expr.apply(Op.DIVIDE, Expr.name(s.id()), size)));
        }
        base.put(i, d);
    }

    /**
     * The analytic Jacobian by the chain rule over the evaluation order: d slot / d y_j for every symbol that
     * depends on the state, then d f_k / d y_j = sum over the names u that f_k reads of (d f_k / d u)(d u / d y_j).
     *
     * @return entries (row, column, register), or null when some formula cannot be differentiated
     */
    private List<int[]> analyticJacobian(ProgramBuilder code, Map<Integer, Map<Integer, Expr>> base, List<Definition> definitions,
            Expr[] derivative, ToIntFunction<String> globalNames) {
        // symbolically first, so nothing is emitted for a model that turns out not to be differentiable
        Map<Integer, Set<Integer>> depends = new HashMap<>();
        base.forEach((slot, d) -> depends.put(slot, d.keySet()));
        List<List<Object[]>> partials = new ArrayList<>();
        List<Definition> all = new ArrayList<>(definitions);
        for (int k = 0; k < derivative.length; k++) {
            all.add(new Definition(-1 - k, derivative[k], globalNames));
        }
        try {
            for (Definition d : all) {
                List<Object[]> ps = new ArrayList<>();
                Set<Integer> dep = new TreeSet<>();
                for (String u : new TreeSet<>(d.math().names(new HashSet<>()))) {
                    int s = d.names().applyAsInt(u);
                    Set<Integer> ds = s < 0 ? null : depends.get(s);
                    if (ds == null || ds.isEmpty()) {
                        continue;
                    }
                    Expr p = Differentiation.partial(d.math(), u);
                    if (!Differentiation.isZero(p)) {
                        ps.add(new Object[] {s, p});
                        dep.addAll(ds);
                    }
                }
                partials.add(ps);
                if (d.slot() >= 0) {
                    depends.put(d.slot(), dep);
                }
            }
        } catch (Differentiation.NotDifferentiable e) {
            return null;
        }
        Map<Integer, Map<Integer, Integer>> registerOf = new HashMap<>();
        base.forEach((slot, d) -> {
            Map<Integer, Integer> r = new TreeMap<>();
            d.forEach((j, e) -> r.put(j, code.emit(e, globalNames)));
            registerOf.put(slot, r);
        });
        List<int[]> entries = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            Definition d = all.get(i);
            Map<Integer, Integer> sum = new TreeMap<>();
            for (Object[] p : partials.get(i)) {
                int pr = code.emit((Expr) p[1], d.names());
                registerOf.get((Integer) p[0]).forEach((j, dr) -> {
                    int term = code.isConstant(dr, 1) ? pr : code.binary(Program.MULTIPLY, pr, dr);
                    sum.merge(j, term, (a, b) -> code.binary(Program.ADD, a, b));
                });
            }
            if (d.slot() >= 0) {
                registerOf.put(d.slot(), sum);
            } else {
                int row = -1 - d.slot();
                sum.forEach((j, r) -> entries.add(new int[] {row, j, r}));
            }
        }
        return entries;
    }

    private Expr[] derivatives(Model m, Map<String, Compartment> comps, Map<String, Rule> rateRules)
            throws ModelException, UnsupportedFeatureException {
        Expr[] derivative = new Expr[stateIds.size()];
        for (int k = 0; k < stateIds.size(); k++) {
            String id = stateIds.get(k);
            Rule rr = rateRules.get(id);
            Species s = species.get(id);
            if (rr != null) {
                Expr e = inline(rr.math(), "rate rule for '" + id + "'");
                if (s != null && !s.hasOnlySubstanceUnits()) {
                    Compartment c = comps.get(s.compartment());
                    if (c == null || !c.constant()) {
                        throw new UnsupportedFeatureException("rate rule on a concentration in a variable compartment", "species '" + id + "'");
                    }
                    derivative[k] = Expr.apply(Op.TIMES, e, Expr.name(s.compartment()));
                } else {
                    derivative[k] = e;
                }
                continue;
            }
            if (s == null || s.boundaryCondition()) {
                derivative[k] = Expr.num(0);
                continue;
            }
            List<Expr> terms = new ArrayList<>();
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
                    terms.add(net == 1 ? Expr.name(r.id()) : Expr.apply(Op.TIMES, Expr.num(net), Expr.name(r.id())));
                }
            }
            String cf = s.conversionFactor() != null ? s.conversionFactor() : m.conversionFactor();
            int cfi = cf == null ? -1 : index.getOrDefault(cf, -1);
            if (cf != null && cfi < 0) {
                throw new ModelException("species '" + id + "': unknown conversion factor '" + cf + "'");
            }
            Expr sum = new Expr.Apply(Op.PLUS, terms);
            derivative[k] = cf == null ? sum : Expr.apply(Op.TIMES, sum, Expr.name(cf));
        }
        return derivative;
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
        Evaluator delay = e.delay() == null ? null : compile(e.delay(), what + " delay");
        Evaluator priority = e.priority() == null ? null : compile(e.priority(), what + " priority");
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
        events.add(new CompiledEvent(e.id(), trigger, switching, e.initialValue(), targets, values, delay, priority,
                e.persistent(), e.useValuesFromTriggerTime()));
    }

    private Expr inline(Expr e, String where) throws ModelException {
        try {
            return compiler.inline(e);
        } catch (MathException x) {
            throw new ModelException(where + ": " + x.getMessage());
        }
    }

    private static int emit(ProgramBuilder code, Expr e, ToIntFunction<String> names, String where) throws ModelException {
        try {
            return code.emit(e, names);
        } catch (MathException x) {
            throw new ModelException(where + ": " + x.getMessage());
        }
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

    /** Index of {@code id} in the state vector, or -1 when it is not a state variable. */
    public int stateIndex(String id) {
        return stateOf.getOrDefault(id, -1);
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
        prelude.run(constants, null, t0, 0, prelude.length());
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
        program.run(v, y, t, 0, valuesEnd);
    }

    /** Length of the arrays {@link #values} fills (symbols, then constants and intermediate results). */
    public int valueCount() {
        return registers;
    }

    @Override
    public void derivatives(double t, double[] y, double[] dydt) {
        double[] v = scratch;
        System.arraycopy(constants, 0, v, 0, constants.length);
        program.run(v, y, t, 0, derivativesEnd);
        for (int k = 0; k < dydt.length; k++) {
            dydt[k] = v[derivativeRegister[k]];
        }
    }

    /** The analytic df/dy (see {@link #hasAnalyticJacobian}). */
    @Override
    public boolean jacobian(double t, double[] y, double[][] dfdy) {
        if (jacobianEntries == null) {
            return false;
        }
        double[] v = scratch;
        System.arraycopy(constants, 0, v, 0, constants.length);
        program.run(v, y, t, 0, jacobianEnd);
        for (double[] row : dfdy) {
            java.util.Arrays.fill(row, 0);
        }
        for (int[] e : jacobianEntries) {
            dfdy[e[0]][e[1]] = v[e[2]];
        }
        return true;
    }

    /** Whether every formula could be differentiated, so {@link #jacobian} gives df/dy. */
    public boolean hasAnalyticJacobian() {
        return jacobianEntries != null;
    }

    /** Number of instructions of the right-hand side and of the Jacobian after it (for the record of a speed-up). */
    public int[] programSize() {
        return new int[] {derivativesEnd, jacobianEnd - derivativesEnd};
    }

    /**
     * A copy sharing everything compiled, with values of its own: one per thread or per run, so parameters
     * can be set ({@link #setDeclaredValue}) without compiling again.
     */
    public CompiledModel instance() {
        return new CompiledModel(this);
    }

    private CompiledModel(CompiledModel c) {
        index = c.index;
        declared = c.declared.clone();
        constants = c.constants.clone();
        initiallyAssigned = c.initiallyAssigned;
        stateOf = c.stateOf;
        stateIds = c.stateIds;
        species = c.species;
        assigned.addAll(c.assigned);
        compiler = c.compiler;
        program = c.program;
        prelude = c.prelude;
        valuesEnd = c.valuesEnd;
        derivativesEnd = c.derivativesEnd;
        jacobianEnd = c.jacobianEnd;
        derivativeRegister = c.derivativeRegister;
        jacobianEntries = c.jacobianEntries;
        registers = c.registers;
        init = c.init;
        events = c.events;
        scratch = new double[registers];
    }

    /**
     * Sets the declared value of a symbol (a parameter's value) for the runs of this instance; the caller makes
     * sure no initial assignment overrides it.
     */
    public void setDeclaredValue(int slot, double value) {
        declared[slot] = value;
        constants[slot] = value;
        prelude.run(constants, null, 0, 0, prelude.length());
    }

    public List<CompiledEvent> events() {
        return List.copyOf(events);
    }

    /**
     * Makes the assignments of {@code fired} events: all values are computed first from the state before any
     * of them, then written (species values converted to amounts with the compartment sizes after the change).
     */
    public void fire(List<CompiledEvent> fired, double t, double[] y) {
        List<double[]> computed = new ArrayList<>();
        for (CompiledEvent e : fired) {
            computed.add(assignmentValues(e, t, y));
        }
        assign(fired, computed, t, y);
    }

    /** The values {@code e} would assign at (t, y), in the order of its targets. */
    public double[] assignmentValues(CompiledEvent e, double t, double[] y) {
        double[] v = new double[registers];
        values(t, y, v);
        double[] x = new double[e.values().length];
        for (int i = 0; i < x.length; i++) {
            x[i] = e.values()[i].eval(v, t);
        }
        return x;
    }

    /** Evaluates a formula of an event (delay, priority) at (t, y). */
    public double evaluate(Evaluator f, double t, double[] y) {
        double[] v = new double[registers];
        values(t, y, v);
        return f.eval(v, t);
    }

    /**
     * Writes values computed earlier ({@link #assignmentValues}) for {@code fired} events into the state
     * (species values converted to amounts with the compartment sizes after the change).
     */
    public void assign(List<CompiledEvent> fired, List<double[]> computed, double t, double[] y) {
        double[] v = new double[registers];
        values(t, y, v);
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
