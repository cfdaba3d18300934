package dev.fixpoint.solvers.unroll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.autodiff.Var;
import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.ShapeMismatchException;
import dev.fixpoint.core.Tensor;
import dev.fixpoint.solvers.sparse.GroupSparseRecoveryProblem;
import dev.fixpoint.solvers.sparse.SparseRecoveryProblem;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Untrained networks are the classical algorithms; inputs and configurations are checked. */
class ListaNetworksTest {
    private static final SparseRecoveryProblem P = new SparseRecoveryProblem(30, 60, 0.1, Double.POSITIVE_INFINITY, 2);

    /** K iterations of ISTA for ½‖Ax − y‖² + λ‖x‖₁ with step 1/L, written out directly. */
    private static Tensor[] ista(Tensor a, Tensor y, double lambda, int iterations) {
        double l = ListaNetwork.lipschitz(a);
        Tensor x = Tensor.zeros(a.dim(1), y.dim(1));
        Tensor[] out = new Tensor[iterations];
        for (int k = 0; k < iterations; k++) {
            Tensor grad = Tensor.matmul(a, true, a.matmul(x).sub(y), false);
            x = x.sub(grad.mul(1 / l)).map(v -> Math.signum(v) * Math.max(Math.abs(v) - lambda / l, 0));
            out[k] = x;
        }
        return out;
    }

    @Test
    void untrainedListaAndListaCpAreIsta() {
        Tensor y = P.testSet(7).y();
        Tensor[] reference = ista(P.matrix(), y, 0.1, 6);
        for (ListaNetwork net : new ListaNetwork[]{new Lista(P.matrix(), 6, 0.1, Tying.UNTIED),
                new Lista(P.matrix(), 6, 0.1, Tying.TIED), new ListaCp(P.matrix(), 6, 0.1, Tying.UNTIED)}) {
            List<Var> out = net.forward(null, Var.constant(y));
            for (int k = 0; k < 6; k++) {
                double err = out.get(k).value().sub(reference[k]).normInf();
                assertTrue(err < 1e-13, net.architecture() + " layer " + (k + 1) + ": " + err);
            }
        }
    }

    @Test
    void untrainedGroupListaIsGroupIstaWhoseObjectiveDecreases() {
        GroupSparseRecoveryProblem g = new GroupSparseRecoveryProblem(30, 60, 5, 0.1, Double.POSITIVE_INFINITY, 3);
        var test = g.testSet(50);
        // the generator: whole groups are active or zero
        for (int b = 0; b < 50; b++) {
            for (int gr = 0; gr < 12; gr++) {
                int nonzero = 0;
                for (int i = gr * 5; i < gr * 5 + 5; i++) {
                    nonzero += test.x().get(i, b) != 0 ? 1 : 0;
                }
                assertTrue(nonzero == 0 || nonzero == 5);
            }
        }
        double lambda = 0.05;
        GroupLista net = new GroupLista(g.matrix(), 5, 30, lambda, Tying.UNTIED);
        ListaReference.Trace ref = ListaReference.run(net, test.y(), false);
        List<Var> out = net.forward(null, Var.constant(test.y()));
        assertTrue(out.get(29).value().sub(ref.out().get(29)).normInf() < 1e-12);
        // proximal gradient with step 1/L never increases ½‖Ax − y‖² + λ·Σ_G ‖x_G‖₂
        double previous = Double.POSITIVE_INFINITY;
        for (Var layer : out) {
            Tensor x = layer.value();
            Tensor r = g.matrix().matmul(x).sub(test.y());
            double objective = 0.5 * r.dot(r);
            for (int b = 0; b < 50; b++) {
                for (int gr = 0; gr < 12; gr++) {
                    double s = 0;
                    for (int i = gr * 5; i < gr * 5 + 5; i++) {
                        s += x.get(i, b) * x.get(i, b);
                    }
                    objective += lambda * Math.sqrt(s);
                }
            }
            assertTrue(objective <= previous * (1 + 1e-12), objective + " after " + previous);
            previous = objective;
        }
    }

    @Test
    void inputIsValidated() {
        ListaCp net = new ListaCp(P.matrix(), 3, 0.1, Tying.UNTIED);
        assertThrows(ShapeMismatchException.class, () -> net.forward(null, Var.constant(Tensor.zeros(29, 4))));
        assertThrows(ShapeMismatchException.class, () -> net.forward(null, Var.constant(Tensor.zeros(30))));
        FixpointException layers = assertThrows(FixpointException.class, () -> net.forward(null, Var.constant(Tensor.zeros(30, 2)), 4));
        assertEquals("InvalidParameter", layers.id());
        Tensor y = Tensor.zeros(30, 2);
        y.set(Double.NaN, 5, 1);
        FixpointException nan = assertThrows(FixpointException.class, () -> net.forward(null, Var.constant(y)));
        assertEquals("NonFinite", nan.id());
        assertTrue(nan.getMessage().contains("measurements y") && nan.getMessage().contains("[5, 1]"), nan.getMessage());
        assertEquals("InvalidParameter", assertThrows(FixpointException.class, () -> new Lista(P.matrix(), 0, 0.1, Tying.UNTIED)).id());
        assertEquals("InvalidParameter", assertThrows(FixpointException.class, () -> new Lista(P.matrix(), 2, -1, Tying.UNTIED)).id());
        assertEquals("InvalidParameter", assertThrows(FixpointException.class, () -> new GroupLista(P.matrix(), 7, 2, 0.1, Tying.UNTIED)).id());
        assertEquals("InvalidParameter", assertThrows(FixpointException.class, () -> new ListaCp(P.matrix(), 2, 0.1, Tying.UNTIED, -1)).id());
        Tensor bad = P.matrix().copy();
        bad.set(Double.POSITIVE_INFINITY, 0, 0);
        assertEquals("NonFinite", assertThrows(FixpointException.class, () -> new Alista(bad, 2, 0.1)).id());
    }

    @Test
    void configurationsIdentifyArchitectureSizesAndMatrix() {
        Map<String, String> c = new ListaCpss(P.matrix(), 4, 0.1, Tying.UNTIED).configuration();
        assertEquals("lista-cpss", c.get("architecture"));
        assertEquals("30", c.get("m"));
        assertEquals("60", c.get("n"));
        assertEquals("4", c.get("layers"));
        assertEquals("1.2", c.get("selection.percent"));
        assertEquals("13.0", c.get("selection.max-percent"));
        // λ only initialises; it is not part of the architecture
        assertEquals(c, new ListaCpss(P.matrix(), 4, 0.3, Tying.UNTIED).configuration());
        Tensor other = new SparseRecoveryProblem(30, 60, 0.1, Double.POSITIVE_INFINITY, 3).matrix();
        assertNotEquals(c.get("matrix"), new ListaCpss(other, 4, 0.1, Tying.UNTIED).configuration().get("matrix"));
        assertNotEquals(new Lista(P.matrix(), 2, 0.1, Tying.TIED).configuration(), new Lista(P.matrix(), 2, 0.1, Tying.UNTIED).configuration());
    }
}
