package org.painlab.mechanism.math;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A model's mathematics as a tree (kinetic laws, rules, triggers): numbers, names, time and operator
 * applications. Booleans are numbers (1 true, 0 false). Compiled by {@link Compiler} into an evaluator
 * that reads values by index.
 *
 * @since 0.1
 */
public sealed interface Expr permits Expr.Num, Expr.Name, Expr.Time, Expr.Apply, Expr.Call {
    /** A constant. */
    record Num(double value) implements Expr {
    }

    /** A model symbol (species, compartment, parameter, reaction, function argument). */
    record Name(String id) implements Expr {
        /** Checks the id. */
        public Name {
            Objects.requireNonNull(id, "id");
        }
    }

    /** Simulation time. */
    record Time() implements Expr {
    }

    /** A built-in operator or function applied to arguments. */
    record Apply(Op op, List<Expr> args) implements Expr {
        /** Copies the arguments and checks the arity. */
        public Apply {
            args = List.copyOf(args);
            if (args.size() < op.minArgs() || (op.maxArgs() >= 0 && args.size() > op.maxArgs())) {
                throw new IllegalArgumentException(op.symbol() + " takes " + op.arity() + " argument(s), got " + args.size());
            }
        }
    }

    /** A call of a model's function definition. */
    record Call(String function, List<Expr> args) implements Expr {
        /** Copies the arguments. */
        public Call {
            args = List.copyOf(args);
        }
    }

    /** Shorthand constructors used by readers and tests. */
    static Expr num(double v) {
        return new Num(v);
    }

    static Expr name(String id) {
        return new Name(id);
    }

    static Expr apply(Op op, Expr... args) {
        return new Apply(op, List.of(args));
    }

    /** The symbol ids this expression reads (not function names), added to {@code into}. */
    default Set<String> names(Set<String> into) {
        switch (this) {
            case Name n -> into.add(n.id());
            case Apply a -> a.args().forEach(x -> x.names(into));
            case Call c -> c.args().forEach(x -> x.names(into));
            default -> {
            }
        }
        return into;
    }

    /** Whether time appears in it. */
    default boolean readsTime() {
        return switch (this) {
            case Time t -> true;
            case Apply a -> a.args().stream().anyMatch(Expr::readsTime);
            case Call c -> c.args().stream().anyMatch(Expr::readsTime);
            default -> false;
        };
    }
}
