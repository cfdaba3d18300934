package dev.fixpoint.bio.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.core.FixpointException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Parser, evaluator and symbolic derivatives (checked against central differences). */
class ExpressionTest {
    private static final Map<String, Integer> SLOTS = Map.of("x", 0, "y", 1, "time", 2);

    private static double eval(String text, double x, double y, double t) {
        return CompiledExpression.compile(ExpressionParser.parse(text), SLOTS).evaluate(new double[]{x, y, t});
    }

    @Test
    void evaluatesPrecedenceFunctionsAndPiecewise() {
        assertEquals(1 + 2 * 9, eval("1 + 2*3^2", 0, 0, 0), 0);
        assertEquals(-4, eval("-2^2", 0, 0, 0), 0);
        assertEquals(2.0 / 3.0, eval("x/(x+y)", 2, 1, 0), 1e-15);
        assertEquals(Math.exp(1.5) + Math.log(2) + Math.sqrt(9), eval("exp(x) + ln(y) + sqrt(9)", 1.5, 2, 0), 1e-14);
        assertEquals(5, eval("piecewise(5, time >= 2 && x < 1, 7)", 0.5, 0, 2), 0);
        assertEquals(7, eval("piecewise(5, time >= 2 && x < 1, 7)", 0.5, 0, 1.9), 0);
        assertEquals(3, eval("max(x, min(3, y))", 1, 4, 0), 0);
        assertEquals(1.25e-3, eval("1.25e-3", 0, 0, 0), 0);
        assertEquals(8, eval("pow(2, 3)", 0, 0, 0), 0);
    }

    @Test
    void symbolicDerivativesMatchCentralDifferences() {
        String[] cases = {"x*y/(0.3 + x)", "x^2.5*exp(-y*x)", "log(1 + x^2)*sin(y)", "sqrt(x)*cos(x*y) - tan(y/4)",
                "y^x", "piecewise(x*x, time < 1, 3*x)", "abs(x - 2)*log10(y)", "x^3/(y^2 + x)"};
        for (String c : cases) {
            Expression e = ExpressionParser.parse(c);
            for (String v : new String[]{"x", "y"}) {
                CompiledExpression d = CompiledExpression.compile(e.derivative(v), SLOTS);
                CompiledExpression f = CompiledExpression.compile(e, SLOTS);
                double[] env = {0.7, 1.3, 0.5};
                int slot = SLOTS.get(v);
                double h = 1e-6;
                double[] plus = env.clone();
                double[] minus = env.clone();
                plus[slot] += h;
                minus[slot] -= h;
                double fd = (f.evaluate(plus) - f.evaluate(minus)) / (2 * h);
                assertEquals(fd, d.evaluate(env), 1e-7 * Math.max(1, Math.abs(fd)), c + " d/d" + v + " = " + e.derivative(v));
            }
        }
    }

    @Test
    void simplifiesConstantDerivativesToZero() {
        assertTrue(CompiledExpression.compile(ExpressionParser.parse("piecewise(1, time >= 5, 0)").derivative("time"), SLOTS).isZero());
        assertEquals(Expression.ZERO, ExpressionParser.parse("y*3").derivative("x"));
    }

    @Test
    void reportsUnknownSymbolsAndSyntaxErrors() {
        FixpointException e = assertThrows(FixpointException.class,
                () -> CompiledExpression.compile(ExpressionParser.parse("x + zz"), SLOTS));
        assertTrue(e.getMessage().startsWith("[fixpoint/UnknownSymbol]") && e.getMessage().contains("'zz'"), e.getMessage());
        FixpointException s = assertThrows(FixpointException.class, () -> ExpressionParser.parse("x + * 2"));
        assertTrue(s.getMessage().contains("[fixpoint/ExpressionSyntax]") && s.getMessage().contains("position"), s.getMessage());
        assertThrows(FixpointException.class, () -> ExpressionParser.parse("foo(1)"));
    }
}
