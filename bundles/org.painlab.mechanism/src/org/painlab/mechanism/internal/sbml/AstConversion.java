package org.painlab.mechanism.internal.sbml;

import java.util.ArrayList;
import java.util.List;

import org.painlab.mechanism.math.Expr;
import org.painlab.mechanism.math.Op;
import org.painlab.mechanism.model.UnsupportedFeatureException;
import org.sbml.jsbml.ASTNode;

/** Converts between JSBML's MathML trees and {@link Expr}. */
public final class AstConversion {
    private AstConversion() {
    }

    /** @param where what the formula belongs to, for the refusal of an unsupported construct */
    public static Expr toExpr(ASTNode n, String where) throws UnsupportedFeatureException {
        if (n == null) {
            throw new UnsupportedFeatureException("missing math", where);
        }
        ASTNode.Type type = n.getType();
        String tn = type.name();
        switch (tn) {
            case "INTEGER":
                return Expr.num(n.getInteger());
            case "REAL", "REAL_E":
                return Expr.num(n.getReal());
            case "RATIONAL":
                return Expr.num((double) n.getNumerator() / n.getDenominator());
            case "CONSTANT_PI":
                return Expr.num(Math.PI);
            case "CONSTANT_E":
                return Expr.num(Math.E);
            case "CONSTANT_TRUE":
                return Expr.num(1);
            case "CONSTANT_FALSE":
                return Expr.num(0);
            case "NAME_AVOGADRO":
                return Expr.num(6.02214179e23);
            case "NAME_TIME":
                return new Expr.Time();
            case "NAME":
                return Expr.name(n.getName());
            case "FUNCTION":
                return new Expr.Call(n.getName(), children(n, where));
            case "FUNCTION_DELAY":
                throw new UnsupportedFeatureException("delay function (csymbol delay)", where);
            case "FUNCTION_RATE_OF":
                throw new UnsupportedFeatureException("rateOf function (csymbol rateOf)", where);
            case "FUNCTION_POWER":
                return new Expr.Apply(Op.POWER, children(n, where));
            case "LAMBDA":
                throw new UnsupportedFeatureException("lambda outside a function definition", where);
            default:
                break;
        }
        String opName = tn.replaceFirst("^(FUNCTION|RELATIONAL|LOGICAL)_", "");
        Op op;
        try {
            op = Op.valueOf(opName);
        } catch (IllegalArgumentException e) {
            throw new UnsupportedFeatureException("MathML " + type.name().toLowerCase(java.util.Locale.ROOT), where);
        }
        List<Expr> args = children(n, where);
        if (op == Op.MINUS && args.isEmpty()) {
            throw new UnsupportedFeatureException("minus without arguments", where);
        }
        return new Expr.Apply(op, args);
    }

    private static List<Expr> children(ASTNode n, String where) throws UnsupportedFeatureException {
        List<Expr> out = new ArrayList<>();
        for (int i = 0; i < n.getChildCount(); i++) {
            out.add(toExpr(n.getChild(i), where));
        }
        return out;
    }

    /** The JSBML tree of {@code e}. */
    public static ASTNode toAst(Expr e) {
        return switch (e) {
            case Expr.Num x -> number(x.value());
            case Expr.Name x -> new ASTNode(x.id());
            case Expr.Time x -> {
                ASTNode t = new ASTNode(ASTNode.Type.NAME_TIME);
                t.setName("time");
                yield t;
            }
            case Expr.Call c -> {
                ASTNode f = new ASTNode(ASTNode.Type.FUNCTION);
                f.setName(c.function());
                c.args().forEach(a -> f.addChild(toAst(a)));
                yield f;
            }
            case Expr.Apply a -> {
                ASTNode node = new ASTNode(type(a.op()));
                a.args().forEach(x -> node.addChild(toAst(x)));
                yield node;
            }
        };
    }

    private static ASTNode number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < Integer.MAX_VALUE) {
            return new ASTNode((int) v);
        }
        return new ASTNode(v);
    }

    private static ASTNode.Type type(Op op) {
        return switch (op) {
            case PLUS, MINUS, TIMES, DIVIDE, POWER -> ASTNode.Type.valueOf(op.name());
            case EQ, NEQ, LT, LEQ, GT, GEQ -> ASTNode.Type.valueOf("RELATIONAL_" + op.name());
            case AND, OR, XOR, NOT, IMPLIES -> ASTNode.Type.valueOf("LOGICAL_" + op.name());
            default -> ASTNode.Type.valueOf("FUNCTION_" + op.name());
        };
    }
}
