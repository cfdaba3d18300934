package dev.fixpoint.solvers.bilevel;

import dev.fixpoint.autodiff.ForwardMode;
import dev.fixpoint.autodiff.Var;
import dev.fixpoint.core.Tensor;
import java.util.Arrays;

/**
 * Forward-mode hypergradient (Franceschi et al. 2017): for each hyperparameter element j, the
 * tangent {@code Z_j = dz_t/dθ_j} is pushed through every step with one JVP of Φ,
 * {@code Z_j ← ∂Φ/∂z · Z_j + ∂Φ/∂θ_j}, and {@code dL/dθ_j = ∂L/∂z · Z_j + ∂L/∂θ_j}.
 */
final class ForwardPropagation implements HypergradientMethod {

    @Override
    public String name() {
        return "forward";
    }

    @Override
    public Hypergradient compute(BilevelProblem problem, Tensor[] theta) {
        long start = System.nanoTime();
        int p = theta.length;
        int directions = 0;
        for (Tensor t : theta) {
            directions += t.size();
        }
        Tensor[][] seeds = new Tensor[directions][];
        int j = 0;
        for (int i = 0; i < p; i++) {
            for (int e = 0; e < theta[i].size(); e++) {
                Tensor[] seed = new Tensor[p + 1];
                seed[i + 1] = Tensor.zeros(theta[i].shape());
                seed[i + 1].data()[seed[i + 1].offset() + e] = 1;
                seeds[j++] = seed;
            }
        }
        Tensor z = problem.initialState();
        Tensor[] tangents = new Tensor[directions];
        Tensor[] xs = new Tensor[p + 1];
        System.arraycopy(theta, 0, xs, 1, p);
        for (int t = 0; t < problem.innerSteps(); t++) {
            int step = t;
            xs[0] = z;
            Tensor next = null;
            for (int d = 0; d < directions; d++) {
                Tensor[] vs = seeds[d].clone();
                vs[0] = tangents[d];
                ForwardMode.OutputAndJvp out = ForwardMode.jvp(v -> problem.step().apply(v[0],
                        Arrays.copyOfRange(v, 1, v.length), step), xs, vs);
                next = out.output();
                tangents[d] = out.tangent();
            }
            if (directions == 0) {
                next = problem.runInner(theta, z, t, t + 1);
            }
            BilevelProblem.requireFinite(next, t);
            z = next;
        }
        xs[0] = z;
        double value = Double.NaN;
        double[] flat = new double[directions];
        for (int d = 0; d < directions; d++) {
            Tensor[] vs = seeds[d].clone();
            vs[0] = tangents[d];
            ForwardMode.OutputAndJvp out = ForwardMode.jvp(v -> problem.loss().apply(v[0],
                    Arrays.copyOfRange(v, 1, v.length)), xs, vs);
            value = out.output().item();
            flat[d] = out.tangent().item();
        }
        if (directions == 0) {
            value = problem.loss().apply(Var.constant(z), BilevelProblem.constants(theta)).item();
        }
        Tensor[] grad = new Tensor[p];
        j = 0;
        for (int i = 0; i < p; i++) {
            grad[i] = Tensor.zeros(theta[i].shape());
            for (int e = 0; e < theta[i].size(); e++) {
                grad[i].data()[grad[i].offset() + e] = flat[j++];
            }
        }
        return new Hypergradient(name(), value, grad, z, (System.nanoTime() - start) * 1e-9);
    }
}
