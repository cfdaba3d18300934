package dev.fixpoint.operators.prox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.ShapeMismatchException;
import dev.fixpoint.core.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Invalid parameters and inputs are rejected at once with messages naming the offending values. */
class BadInputTest {

    private static String rejects(Executable e, String... fragments) {
        FixpointException ex = assertThrows(FixpointException.class, e);
        for (String f : fragments) {
            assertTrue(ex.getMessage().contains(f), "message lacks '" + f + "': " + ex.getMessage());
        }
        return ex.getMessage();
    }

    @Test
    void overlappingGroupsNameTheIndexAndBothGroups() {
        String msg = rejects(() -> Proximals.groupL1(1, new int[]{5}, new int[][]{{0, 1}, {2, 3}, {3, 4}}),
                "index 3", "group 1 [2, 3]", "group 2 [3, 4]", "disjoint");
        assertTrue(msg.startsWith("[fixpoint/BadParameter]"), msg);
    }

    @Test
    void missingAndOutOfRangeIndicesAreNamed() {
        rejects(() -> Proximals.groupL1(1, new int[]{2, 3}, new int[][]{{0, 1, 2}, {4, 5}}),
                "index 3", "none of the 2 groups", "partition [0, 6)");
        rejects(() -> Proximals.groupL1(1, new int[]{4}, new int[][]{{0, 1}, {2, 7}}),
                "index 7", "group 1 [2, 7]", "outside [0, 4)");
        rejects(() -> Proximals.groupL1(1, new int[]{4}, new int[][]{{0, 1, 2, 3}, {}}), "group 1 is empty");
        rejects(() -> Proximals.groupL1(1, new int[]{2}, new int[][]{{0}, {1}}, new double[]{1, -2}),
                "weight of group 1 = -2.0");
    }

    @Test
    void negativeStepIsNamed() {
        rejects(() -> Proximals.l1(1).prox(Tensor.ones(3), -0.5), "τ = -0.5");
        rejects(() -> Proximals.simplex(1).prox(Tensor.ones(3), Double.NaN), "τ = NaN");
    }

    @Test
    void boxBoundsMustBeOrdered() {
        rejects(() -> Proximals.box(2, 1), "lo = 2.0", "hi = 1.0", "lo ≤ hi");
        rejects(() -> Proximals.box(Tensor.vector(0, 3, 0), Tensor.vector(1, 2, 1)), "lo[1]", "= 3.0", "hi[1]", "= 2.0");
        rejects(() -> Proximals.box(Double.NaN, 1), "NaN");
        assertThrows(ShapeMismatchException.class, () -> Proximals.box(Tensor.zeros(2), Tensor.ones(3)));
    }

    @Test
    void negativeWeightsRadiiAndParametersAreNamed() {
        rejects(() -> Proximals.weightedL1(1, Tensor.vector(1, 0, -0.25)), "weights[2]", "-0.25", "≥ 0");
        rejects(() -> Proximals.l1(-1), "λ = -1.0");
        rejects(() -> Proximals.l1Ball(-2), "radius r = -2.0");
        rejects(() -> Proximals.l2Ball(0), "radius r = 0.0");
        rejects(() -> Proximals.linfBall(Double.POSITIVE_INFINITY), "Infinity");
        rejects(() -> Proximals.simplex(-1), "sum r = -1.0");
        rejects(() -> Proximals.huber(0), "δ = 0.0");
        rejects(() -> Proximals.logBarrier(-3), "μ = -3.0");
        rejects(() -> Proximals.elasticNet(1, -0.1), "λ₂ = -0.1");
        rejects(() -> Proximals.kullbackLeibler(Tensor.vector(1, -4, 2)), "y[1]", "-4.0");
    }

    @Test
    void quadraticMustBeSymmetricPositiveSemidefinite() {
        rejects(() -> Proximals.quadratic(Tensor.matrix(new double[][]{{1, 2}, {0, 1}}), Tensor.zeros(2)),
                "Q[0,1] = 2.0", "Q[1,0] = 0.0");
        rejects(() -> Proximals.quadratic(Tensor.matrix(new double[][]{{1, 0}, {0, -1}}), Tensor.zeros(2)),
                "not positive semidefinite", "-1.0");
    }

    @Test
    void shapeMismatchesNameBothShapes() {
        ShapeMismatchException e = assertThrows(ShapeMismatchException.class,
                () -> Proximals.weightedL1(1, Tensor.ones(2, 3)).prox(Tensor.ones(6), 1));
        assertTrue(e.getMessage().contains("[6]") && e.getMessage().contains("[2, 3]"), e.getMessage());
        ShapeMismatchException g = assertThrows(ShapeMismatchException.class,
                () -> Proximals.groupL1(1, new int[]{4}, new int[][]{{0, 1}, {2, 3}}).prox(Tensor.ones(2, 2), 1));
        assertTrue(g.getMessage().contains("[2, 2]") && g.getMessage().contains("[4]"), g.getMessage());
        ShapeMismatchException s = assertThrows(ShapeMismatchException.class,
                () -> Proximals.separable(new int[]{2, 3}, Proximals.l1(1), Proximals.zero()).prox(Tensor.ones(4), 1));
        assertTrue(s.getMessage().contains("[4]") && s.getMessage().contains("[5]"), s.getMessage());
        rejects(() -> Proximals.separable(new int[]{2, 3}, Proximals.l1(1)), "2 blocks for 1 functions");
    }

    @Test
    void nonFiniteInputIsRejected() {
        Tensor v = Tensor.vector(1, Double.NaN);
        FixpointException e = assertThrows(FixpointException.class, () -> Proximals.l2Norm(1).prox(v, 1));
        assertEquals("NonFinite", e.id());
    }
}
