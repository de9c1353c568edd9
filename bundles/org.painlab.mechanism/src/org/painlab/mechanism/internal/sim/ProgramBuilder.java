package org.painlab.mechanism.internal.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

import org.painlab.mechanism.math.Compiler;
import org.painlab.mechanism.math.Evaluator;
import org.painlab.mechanism.math.Expr;
import org.painlab.mechanism.math.MathException;
import org.painlab.mechanism.math.Op;

/**
 * Writes expressions (function definitions already inlined) into a {@link Program}. The registers are the
 * model's symbol slots, then the literal constants, then temporaries; an operation already computed on the
 * same registers is not computed again (every symbol slot is written once per evaluation, before it is read,
 * so sharing is safe). Operations without an opcode (piecewise, comparisons, ...) become calls of
 * {@link Compiler} evaluators. Operations on constants only (K^n of a Hill term with parameters K and n) go to
 * a prelude that runs once per run, not once per evaluation.
 */
final class ProgramBuilder {
    private static final int CONSTANT = 1 << 28;
    private static final int TEMPORARY = 1 << 29;
    private static final int LARGEST_INTEGER_POWER = 16;

    private record Key(int op, int a, int b) {
    }

    private final int symbols;
    private final List<Double> literals = new ArrayList<>();
    private final Map<Long, Integer> literalOf = new HashMap<>();
    private final Map<Key, Integer> computed = new HashMap<>();
    private final List<int[]> code = new ArrayList<>();
    private final List<int[]> prelude = new ArrayList<>();
    private final List<Evaluator> calls = new ArrayList<>();
    /** Symbol slots the program writes (states, assignment rules, rates): all others are constant in a run. */
    private final java.util.Set<Integer> written = new java.util.HashSet<>();
    /** Per temporary: its final register, filled by {@link #build}; whether it is computed in the prelude. */
    private final List<Boolean> invariantTemporary = new ArrayList<>();
    private int[] finalTemporary;
    private int invariants;

    ProgramBuilder(int symbols) {
        this.symbols = symbols;
    }

    /** Number of instructions so far (a section boundary). */
    int position() {
        return code.size();
    }

    /** A register holding {@code c}. */
    int constant(double c) {
        return literalOf.computeIfAbsent(Double.doubleToLongBits(c), k -> {
            literals.add(c);
            return CONSTANT + literals.size() - 1;
        });
    }

    boolean isConstant(int register, double c) {
        return isConstant(register) && Double.compare(literals.get(register - CONSTANT), c) == 0;
    }

    private boolean isConstant(int register) {
        return register >= CONSTANT && register < TEMPORARY;
    }

    /** slot = y[state]. */
    void loadState(int slot, int state) {
        written.add(slot);
        code.add(new int[] {Program.LOAD_STATE, slot, state, -1});
    }

    /** slot = y[state] / compartment. */
    void loadStateDivided(int slot, int state, int compartment) {
        written.add(slot);
        code.add(new int[] {Program.LOAD_STATE_DIVIDED, slot, state, compartment});
    }

    /** slot = the value of register {@code from}. */
    void copy(int slot, int from) {
        written.add(slot);
        code.add(new int[] {Program.COPY, slot, from, -1});
    }

    /** The register holding e's value. */
    int emit(Expr e, ToIntFunction<String> names) {
        return switch (e) {
            case Expr.Num n -> constant(n.value());
            case Expr.Time t -> instruction(Program.TIME, -1, -1);
            case Expr.Name n -> {
                int i = names.applyAsInt(n.id());
                if (i < 0) {
                    throw new MathException("unknown symbol '" + n.id() + "'");
                }
                yield i;
            }
            case Expr.Call c -> throw new MathException("function '" + c.function() + "' not inlined");
            case Expr.Apply a -> apply(a, names);
        };
    }

    private int apply(Expr.Apply a, ToIntFunction<String> names) {
        List<Expr> x = a.args();
        int n = x.size();
        switch (a.op()) {
            case PLUS, TIMES -> {
                boolean plus = a.op() == Op.PLUS;
                if (n == 0) {
                    return constant(plus ? 0 : 1);
                }
                int r = emit(x.get(0), names);
                for (int i = 1; i < n; i++) {
                    r = binary(plus ? Program.ADD : Program.MULTIPLY, r, emit(x.get(i), names));
                }
                return r;
            }
            case MINUS -> {
                return n == 1 ? unary(Program.NEGATE, emit(x.get(0), names))
                        : binary(Program.SUBTRACT, emit(x.get(0), names), emit(x.get(1), names));
            }
            case DIVIDE -> {
                return binary(Program.DIVIDE, emit(x.get(0), names), emit(x.get(1), names));
            }
            case POWER -> {
                int base = emit(x.get(0), names);
                if (x.get(1) instanceof Expr.Num p && p.value() == Math.rint(p.value()) && Math.abs(p.value()) <= LARGEST_INTEGER_POWER) {
                    int k = (int) p.value();
                    if (isConstant(base)) {
                        return constant(Math.pow(literals.get(base - CONSTANT), k));
                    }
                    return k == 1 ? base : instruction(Program.INTEGER_POWER, base, k);
                }
                if (x.get(1) instanceof Expr.Num p && p.value() == 0.5) {
                    return unary(Program.SQRT, base);
                }
                return binary(Program.POWER, base, emit(x.get(1), names));
            }
            case ROOT -> {
                if (n == 1) {
                    return unary(Program.SQRT, emit(x.get(0), names));
                }
            }
            case LOG -> {
                if (n == 1) {
                    return unary(Program.LOG10, emit(x.get(0), names));
                }
            }
            case EXP -> {
                return unary(Program.EXP, emit(x.get(0), names));
            }
            case LN -> {
                return unary(Program.LN, emit(x.get(0), names));
            }
            case SIN -> {
                return unary(Program.SIN, emit(x.get(0), names));
            }
            case COS -> {
                return unary(Program.COS, emit(x.get(0), names));
            }
            case TAN -> {
                return unary(Program.TAN, emit(x.get(0), names));
            }
            case SINH -> {
                return unary(Program.SINH, emit(x.get(0), names));
            }
            case COSH -> {
                return unary(Program.COSH, emit(x.get(0), names));
            }
            case TANH -> {
                return unary(Program.TANH, emit(x.get(0), names));
            }
            case ARCTAN -> {
                return unary(Program.ARCTAN, emit(x.get(0), names));
            }
            default -> {
            }
        }
        return call(a, names);
    }

    private int call(Expr e, ToIntFunction<String> names) {
        // the evaluator reads registers by final index: symbol slots keep theirs, so only names are needed
        Evaluator ev = new Compiler(names, Map.of()).compile(e);
        calls.add(ev);
        int t = temporary(false);
        code.add(new int[] {Program.CALL, t, calls.size() - 1, -1});
        return t;
    }

    int unary(int op, int x) {
        if (isConstant(x)) {
            return constant(Program.compute(op, literals.get(x - CONSTANT), 0));
        }
        return instruction(op, x, -1);
    }

    int binary(int op, int x, int y) {
        if (isConstant(x) && isConstant(y)) {
            return constant(Program.compute(op, literals.get(x - CONSTANT), literals.get(y - CONSTANT)));
        }
        if ((op == Program.ADD || op == Program.MULTIPLY) && x > y) {
            int s = x;
            x = y;
            y = s;
        }
        return instruction(op, x, y);
    }

    private int instruction(int op, int x, int y) {
        return computed.computeIfAbsent(new Key(op, x, y), k -> {
            boolean invariant = op != Program.TIME && invariant(x) && (y < 0 || op == Program.INTEGER_POWER || invariant(y));
            int t = temporary(invariant);
            (invariant ? prelude : code).add(new int[] {op, t, x, y});
            return t;
        });
    }

    private int temporary(boolean invariant) {
        invariantTemporary.add(invariant);
        return TEMPORARY + invariantTemporary.size() - 1;
    }

    private boolean invariant(int register) {
        if (register >= TEMPORARY) {
            return invariantTemporary.get(register - TEMPORARY);
        }
        return register >= CONSTANT || !written.contains(register);
    }

    /** The program; registers are numbered symbols, constants, temporaries from here on ({@link #register}). */
    Program build() {
        finalTemporary = new int[invariantTemporary.size()];
        int next = symbols + literals.size();
        for (int i = 0; i < finalTemporary.length; i++) {
            if (invariantTemporary.get(i)) {
                finalTemporary[i] = next++;
            }
        }
        invariants = next - symbols - literals.size();
        for (int i = 0; i < finalTemporary.length; i++) {
            if (!invariantTemporary.get(i)) {
                finalTemporary[i] = next++;
            }
        }
        return program(code);
    }

    /** The instructions that compute what depends on constants only; run after the constants are set. */
    Program prelude() {
        return program(prelude);
    }

    /** Registers that hold the same value all run: symbols, literals and the prelude's results. */
    int constantRegisters() {
        return symbols + literals.size() + invariants;
    }

    private Program program(List<int[]> code) {
        int n = code.size();
        int[] op = new int[n], dst = new int[n], a = new int[n], b = new int[n];
        for (int i = 0; i < n; i++) {
            int[] c = code.get(i);
            op[i] = c[0];
            dst[i] = register(c[1]);
            boolean aIsRegister = c[0] != Program.LOAD_STATE && c[0] != Program.LOAD_STATE_DIVIDED && c[0] != Program.CALL
                    && c[0] != Program.TIME;
            a[i] = aIsRegister ? register(c[2]) : c[2];
            b[i] = c[0] == Program.INTEGER_POWER || c[3] < 0 ? c[3] : register(c[3]);
        }
        return new Program(op, dst, a, b, calls.toArray(Evaluator[]::new));
    }

    /** The final index of a register handed out while building. */
    int register(int provisional) {
        if (provisional >= TEMPORARY) {
            return finalTemporary[provisional - TEMPORARY];
        }
        if (provisional >= CONSTANT) {
            return symbols + provisional - CONSTANT;
        }
        return provisional;
    }

    /** Number of registers: symbols, constants and temporaries. */
    int registers() {
        return symbols + literals.size() + invariantTemporary.size();
    }

    /** The literal constants, in register order after the symbols. */
    double[] literals() {
        return literals.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
