package dev.fixpoint.bio.sbml;

import dev.fixpoint.core.FixpointException;
import java.util.List;
import java.util.Map;
import org.sbml.jsbml.ASTNode;
import org.sbml.jsbml.FunctionDefinition;
import org.sbml.jsbml.Model;

/** Translates SBML MathML (a JSBML AST) into the bio-ode expression language, inlining function definitions. */
final class MathTranslator {

    private final Model model;
    private final String file;

    MathTranslator(Model model, String file) {
        this.model = model;
        this.file = file;
    }

    /** @param node the MathML tree @param where the SBML element (for errors) @return the expression text */
    String translate(ASTNode node, String where) {
        return tr(node, Map.of(), where, 0);
    }

    private FixpointException unsupported(String what, String where) {
        return new FixpointException("UnsupportedSbml", file + ": " + where + ": " + what
                + " is not supported (supported: arithmetic, power, exp, ln, log, root, abs, trigonometric functions, "
                + "relations, and/or/not, piecewise, function definitions, time, pi, e)");
    }

    private String tr(ASTNode n, Map<String, String> bound, String where, int depth) {
        if (depth > 200) {
            throw unsupported("recursion deeper than 200 (recursive function definition?)", where);
        }
        List<ASTNode> c = n.getChildren();
        int d = depth + 1;
        switch (n.getType()) {
            case INTEGER:
                return "(" + n.getInteger() + ")";
            case REAL:
            case REAL_E:
            case RATIONAL:
                return num(n.getReal());
            case CONSTANT_PI:
                return num(Math.PI);
            case CONSTANT_E:
                return num(Math.E);
            case CONSTANT_TRUE:
                return "(1 == 1)";
            case CONSTANT_FALSE:
                return "(1 != 1)";
            case NAME_TIME:
                return "time";
            case NAME: {
                String name = n.getName();
                if (bound.containsKey(name)) {
                    return bound.get(name);
                }
                return name;
            }
            case PLUS:
                return c.isEmpty() ? "0" : join(c, " + ", bound, where, d);
            case TIMES:
                return c.isEmpty() ? "1" : join(c, " * ", bound, where, d);
            case MINUS:
                if (c.size() == 1) {
                    return "(-" + tr(c.get(0), bound, where, d) + ")";
                }
                return join(c, " - ", bound, where, d);
            case DIVIDE:
                return join(c, " / ", bound, where, d);
            case POWER:
            case FUNCTION_POWER:
                return "pow(" + tr(c.get(0), bound, where, d) + ", " + tr(c.get(1), bound, where, d) + ")";
            case FUNCTION_EXP:
                return call("exp", c, bound, where, d);
            case FUNCTION_LN:
                return call("log", c, bound, where, d);
            case FUNCTION_LOG:
                if (c.size() == 1) {
                    return call("log10", c, bound, where, d);
                }
                return "(log(" + tr(c.get(1), bound, where, d) + ") / log(" + tr(c.get(0), bound, where, d) + "))";
            case FUNCTION_ROOT:
                if (c.size() == 1) {
                    return call("sqrt", c, bound, where, d);
                }
                return "pow(" + tr(c.get(1), bound, where, d) + ", 1 / " + tr(c.get(0), bound, where, d) + ")";
            case FUNCTION_ABS:
                return call("abs", c, bound, where, d);
            case FUNCTION_SIN:
                return call("sin", c, bound, where, d);
            case FUNCTION_COS:
                return call("cos", c, bound, where, d);
            case FUNCTION_TAN:
                return call("tan", c, bound, where, d);
            case FUNCTION_MAX:
                return fold("max", c, bound, where, d);
            case FUNCTION_MIN:
                return fold("min", c, bound, where, d);
            case RELATIONAL_EQ:
                return rel("==", c, bound, where, d);
            case RELATIONAL_NEQ:
                return rel("!=", c, bound, where, d);
            case RELATIONAL_GEQ:
                return rel(">=", c, bound, where, d);
            case RELATIONAL_GT:
                return rel(">", c, bound, where, d);
            case RELATIONAL_LEQ:
                return rel("<=", c, bound, where, d);
            case RELATIONAL_LT:
                return rel("<", c, bound, where, d);
            case LOGICAL_AND:
                return join(c, " && ", bound, where, d);
            case LOGICAL_OR:
                return join(c, " || ", bound, where, d);
            case LOGICAL_NOT:
                return "(!" + tr(c.get(0), bound, where, d) + ")";
            case FUNCTION_PIECEWISE: {
                StringBuilder sb = new StringBuilder("piecewise(");
                for (int i = 0; i < c.size(); i++) {
                    sb.append(i == 0 ? "" : ", ").append(tr(c.get(i), bound, where, d));
                }
                if (c.size() % 2 == 0) {
                    sb.append(", 0"); // SBML: no otherwise → undefined; 0 is a common convention, but warn through the name
                }
                return sb.append(")").toString();
            }
            case FUNCTION:
                return inline(n, bound, where, d);
            default:
                throw unsupported("MathML element '" + n.getType() + "'", where);
        }
    }

    private String inline(ASTNode n, Map<String, String> bound, String where, int d) {
        FunctionDefinition f = model.getFunctionDefinition(n.getName());
        if (f == null || f.getMath() == null) {
            throw unsupported("call of unknown function '" + n.getName() + "'", where);
        }
        ASTNode lambda = f.getMath();
        int nargs = lambda.getChildCount() - 1;
        if (nargs != n.getChildCount()) {
            throw new FixpointException("UnsupportedSbml", file + ": " + where + ": function '" + n.getName() + "' takes "
                    + nargs + " argument(s), called with " + n.getChildCount());
        }
        Map<String, String> args = new java.util.HashMap<>();
        for (int i = 0; i < nargs; i++) {
            args.put(lambda.getChild(i).getName(), "(" + tr(n.getChild(i), bound, where, d) + ")");
        }
        return "(" + tr(lambda.getChild(nargs), args, where + " (in function '" + n.getName() + "')", d) + ")";
    }

    private static String num(double v) {
        if (!Double.isFinite(v)) {
            return Double.isNaN(v) ? "(0/0)" : (v > 0 ? "(1/0)" : "(-1/0)");
        }
        return "(" + Double.toString(v) + ")";
    }

    private String join(List<ASTNode> c, String op, Map<String, String> bound, String where, int d) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < c.size(); i++) {
            sb.append(i == 0 ? "" : op).append(tr(c.get(i), bound, where, d));
        }
        return sb.append(")").toString();
    }

    private String call(String f, List<ASTNode> c, Map<String, String> bound, String where, int d) {
        if (c.size() != 1) {
            throw unsupported(f + " with " + c.size() + " arguments", where);
        }
        return f + "(" + tr(c.get(0), bound, where, d) + ")";
    }

    private String fold(String f, List<ASTNode> c, Map<String, String> bound, String where, int d) {
        String acc = tr(c.get(0), bound, where, d);
        for (int i = 1; i < c.size(); i++) {
            acc = f + "(" + acc + ", " + tr(c.get(i), bound, where, d) + ")";
        }
        return acc;
    }

    private String rel(String op, List<ASTNode> c, Map<String, String> bound, String where, int d) {
        if (c.size() != 2) {
            throw unsupported("relation " + op + " with " + c.size() + " arguments", where);
        }
        return "(" + tr(c.get(0), bound, where, d) + " " + op + " " + tr(c.get(1), bound, where, d) + ")";
    }
}
