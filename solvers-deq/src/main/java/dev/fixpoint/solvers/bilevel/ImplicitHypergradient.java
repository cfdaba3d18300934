package dev.fixpoint.solvers.bilevel;

import dev.fixpoint.autodiff.Tape;
import dev.fixpoint.autodiff.Var;
import dev.fixpoint.core.Tensor;
import dev.fixpoint.solvers.StoppingCriteria;
import dev.fixpoint.solvers.implicit.ImplicitDifferentiation;
import dev.fixpoint.solvers.implicit.LinearSolveMethod;
import java.util.Locale;

/**
 * Implicit hypergradient: runs the inner solver, then {@code dL/dθ = ∂L/∂θ + gᵀ dz/dθ} with
 * {@code g = ∂L/∂z} and the VJP of the solution map of the problem's optimality condition.
 */
final class ImplicitHypergradient implements HypergradientMethod {
    private final LinearSolveMethod method;
    private final StoppingCriteria stopping;

    ImplicitHypergradient(LinearSolveMethod method, StoppingCriteria stopping) {
        this.method = method;
        this.stopping = stopping;
    }

    @Override
    public String name() {
        return "implicit-" + method.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public Hypergradient compute(BilevelProblem problem, Tensor[] theta) {
        long start = System.nanoTime();
        Tensor z = problem.solveInner(theta);
        double value;
        Tensor gz;
        Tensor[] direct = new Tensor[theta.length];
        try (Tape tape = new Tape()) {
            Var zv = tape.variable(z);
            Var[] wrt = new Var[theta.length + 1];
            wrt[0] = zv;
            Var[] th = new Var[theta.length];
            for (int i = 0; i < theta.length; i++) {
                th[i] = tape.variable(theta[i]);
                wrt[i + 1] = th[i];
            }
            Var loss = problem.loss().apply(zv, th);
            value = loss.item();
            Var[] g = tape.gradients(loss, null, wrt, false);
            gz = g[0].value();
            for (int i = 0; i < theta.length; i++) {
                direct[i] = g[i + 1].value();
            }
        }
        Tensor[] indirect = ImplicitDifferentiation.ofCondition(problem.condition())
                .symmetric(problem.symmetricCondition()).method(method).stopping(stopping)
                .vjp(z, theta, gz);
        Tensor[] grad = new Tensor[theta.length];
        for (int i = 0; i < theta.length; i++) {
            grad[i] = direct[i].add(indirect[i]);
        }
        return new Hypergradient(name(), value, grad, z, (System.nanoTime() - start) * 1e-9);
    }
}
