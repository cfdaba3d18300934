package dev.fixpoint.solvers.bilevel;

import dev.fixpoint.autodiff.Tape;
import dev.fixpoint.autodiff.Var;
import dev.fixpoint.core.Tensor;

/** Reverse mode through the last {@code k} inner steps (all of them when k ≥ T). */
final class UnrolledReverse implements HypergradientMethod {
    private final int k;

    UnrolledReverse(int k) {
        this.k = k;
    }

    @Override
    public String name() {
        return k == Integer.MAX_VALUE ? "reverse" : "truncated-reverse(" + k + ")";
    }

    @Override
    public Hypergradient compute(BilevelProblem problem, Tensor[] theta) {
        long start = System.nanoTime();
        int steps = problem.innerSteps();
        int first = Math.max(0, steps - k);
        Tensor warm = first == 0 ? problem.initialState() : problem.runInner(theta, problem.initialState(), 0, first);
        try (Tape tape = new Tape()) {
            Var[] th = new Var[theta.length];
            for (int i = 0; i < theta.length; i++) {
                th[i] = tape.variable(theta[i].copy());
            }
            Var z = Var.constant(warm);
            for (int t = first; t < steps; t++) {
                z = problem.step().apply(z, th, t);
                BilevelProblem.requireFinite(z.value(), t);
            }
            Var loss = problem.loss().apply(z, th);
            double value = loss.item();
            Tensor[] grad = new Tensor[theta.length];
            if (loss.requiresGrad()) {
                Var[] g = tape.gradients(loss, null, th, false);
                for (int i = 0; i < theta.length; i++) {
                    grad[i] = g[i].value();
                }
            } else {
                for (int i = 0; i < theta.length; i++) {
                    grad[i] = Tensor.zeros(theta[i].shape());
                }
            }
            return new Hypergradient(name(), value, grad, z.value(), (System.nanoTime() - start) * 1e-9);
        }
    }
}
