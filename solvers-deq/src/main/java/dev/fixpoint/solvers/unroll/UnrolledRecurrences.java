package dev.fixpoint.solvers.unroll;

import dev.fixpoint.autodiff.Ops;
import dev.fixpoint.autodiff.Var;
import java.util.ArrayList;
import java.util.List;

/**
 * The layers of the unrolled algorithms, written with differentiable operations; the formulas are
 * those documented on {@link UnrolledAlgorithm}. Each returns the outputs of the first
 * {@code count} layers.
 */
final class UnrolledRecurrences {
    private static final Var ONE = Var.constant(1.0);

    private UnrolledRecurrences() {
    }

    static List<Var> ista(UnrolledSolver.Pass p, int count) {
        List<Var> out = new ArrayList<>(count);
        Var x = p.zerosSignal();
        for (int k = 0; k < count; k++) {
            Var tau = p.step(k);
            x = gradientProxStep(p, k, x, tau);
            out.add(x);
        }
        return out;
    }

    static List<Var> fista(UnrolledSolver.Pass p, int count) {
        List<Var> out = new ArrayList<>(count);
        Var x = p.zerosSignal();
        Var previous = x;
        for (int k = 0; k < count; k++) {
            Var v = k == 0 ? x : Ops.add(x, Ops.mul(p.momentum(k), Ops.sub(x, previous)));
            Var next = gradientProxStep(p, k, v, p.step(k));
            previous = x;
            x = next;
            out.add(x);
        }
        return out;
    }

    /** @return prox_{τλ g}(v − τ·W_k(A v − y)) */
    private static Var gradientProxStep(UnrolledSolver.Pass p, int k, Var v, Var tau) {
        Var gradient = p.backProject(k, Ops.sub(p.forwardModel(v), p.y));
        return p.prox(Ops.sub(v, Ops.mul(tau, gradient)), Ops.mul(tau, p.weight(k)));
    }

    static List<Var> admm(UnrolledSolver.Pass p, int count) {
        List<Var> out = new ArrayList<>(count);
        Var z = p.zerosSignal();
        Var u = z;
        Var wy = p.sameBackProjection() ? p.backProject(0, p.y) : null;
        for (int k = 0; k < count; k++) {
            Var rho = p.penalty(k);
            Var rhs = Ops.add(wy != null ? wy : p.backProject(k, p.y), Ops.mul(rho, Ops.sub(z, u)));
            Var x = p.gramSolve(rhs, rho);
            Var xu = Ops.add(x, u);
            z = p.prox(xu, Ops.div(p.weight(k), rho));
            u = Ops.sub(xu, z);
            out.add(z);
        }
        return out;
    }

    static List<Var> pdhg(UnrolledSolver.Pass p, int count) {
        List<Var> out = new ArrayList<>(count);
        Var x = p.zerosSignal();
        Var extrapolated = x;
        Var dual = p.zerosMeasurement();
        for (int k = 0; k < count; k++) {
            Var sigma = p.dualStep(k);
            Var tau = p.step(k);
            Var residual = Ops.sub(p.forwardModel(extrapolated), p.y);
            dual = Ops.div(Ops.add(dual, Ops.mul(sigma, residual)), Ops.add(ONE, sigma));
            Var next = p.prox(Ops.sub(x, Ops.mul(tau, p.backProject(k, dual))), Ops.mul(tau, p.weight(k)));
            extrapolated = Ops.sub(Ops.scale(next, 2.0), x);
            x = next;
            out.add(x);
        }
        return out;
    }
}
