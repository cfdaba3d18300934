package dev.fixpoint.autodiff;

import static dev.fixpoint.autodiff.Points.randn;
import static dev.fixpoint.autodiff.Points.uniform;
import static dev.fixpoint.autodiff.testing.GradientCheck.assertHessianVector;

import dev.fixpoint.core.Tensor;
import org.junit.jupiter.api.Test;

/**
 * Reverse-over-reverse Hessian-vector products ({@code Tape.gradients(…, createGraph = true)} then a
 * second reverse pass) against central differences of reverse-mode gradients, relative error ≤ 1e-6.
 */
class SecondOrderTest {

    @Test
    void smoothElementwiseFunctions() {
        Tensor x = randn(1, 3, 4);
        assertHessianVector("tanh", v -> Ops.tanh(v[0]), x);
        assertHessianVector("sigmoid", v -> Ops.sigmoid(v[0]), x.mul(2.0));
        assertHessianVector("softplus", v -> Ops.softplus(v[0]), x.mul(2.0));
        assertHessianVector("exp", v -> Ops.exp(v[0]), x);
        Tensor pos = uniform(2, 0.5, 2.0, 3, 4);
        assertHessianVector("log", v -> Ops.log(v[0]), pos);
        assertHessianVector("sqrt", v -> Ops.sqrt(v[0]), pos);
        assertHessianVector("pow 3", v -> Ops.pow(v[0], 3), x);
        assertHessianVector("pow -1.5", v -> Ops.pow(v[0], -1.5), pos);
        assertHessianVector("div", v -> Ops.div(v[0], v[1]), x, pos);
    }

    @Test
    void productsReductionsAndLosses() {
        Tensor a = randn(3, 3, 4);
        Tensor b = randn(4, 4, 2);
        assertHessianVector("matmul", v -> Ops.matmul(v[0], v[1]), a, b);
        assertHessianVector("tanh(matmul)ᵀ", v -> Ops.tanh(Ops.matmul(v[0], true, v[1], false)), randn(5, 4, 3), b);
        assertHessianVector("matvec", v -> Ops.tanh(Ops.matvec(v[0], true, v[1])), b, randn(6, 4));
        assertHessianVector("norm2", v -> Ops.norm2(v[0]), a);
        assertHessianVector("dot", v -> Ops.exp(Ops.dot(v[0], v[1])), randn(7, 5).mul(0.3), randn(8, 5).mul(0.3));
        assertHessianVector("logSoftmax", v -> Ops.logSoftmax(v[0]), a);
        assertHessianVector("crossEntropy", v -> Ops.crossEntropy(v[0], new int[]{1, 0, 3}), a);
        assertHessianVector("mse", v -> Ops.mse(Ops.tanh(v[0]), v[1]), a, randn(9, 3, 4));
        assertHessianVector("mean axis of squares", v -> Ops.mean(Ops.mul(v[0], v[0]), 1), a);
        assertHessianVector("concat/slice/stack/transpose",
                v -> Ops.transpose(Ops.slice(Ops.concat(1, Ops.tanh(v[0]), Ops.stack(1, v[1], v[1])), 1, 1, 5)),
                a, randn(10, 3));
    }

    @Test
    void piecewiseLinearMapsKeepTheirDependenceOnTheUpstreamCotangent() {
        // Σ softThreshold(x, θ)²: Hessian = 2·mask (diagonal in x), couples θ and x; points away from kinks
        Tensor x = Points.magnitudesAvoiding(11, 0.29, 0.61, 3, 4);
        Tensor theta = uniform(12, 0.3, 0.6, 4);
        assertHessianVector("softThreshold²", v -> Ops.sum(Ops.pow(Ops.softThreshold(v[0], v[1]), 2)), x, theta);
        assertHessianVector("max²", v -> Ops.pow(Ops.max(v[0], 1), 2), randn(13, 3, 4));
        assertHessianVector("relu·x", v -> Ops.mul(Ops.relu(v[0]), v[0]), Points.awayFromZero(14, 0.1, 5));
    }
}
