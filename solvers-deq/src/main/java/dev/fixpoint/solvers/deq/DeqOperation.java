package dev.fixpoint.solvers.deq;

import dev.fixpoint.solvers.fixedpoint.SampleColumns;
import dev.fixpoint.autodiff.NoGrad;
import dev.fixpoint.autodiff.Op;
import dev.fixpoint.autodiff.OpContext;
import dev.fixpoint.autodiff.Tape;
import dev.fixpoint.autodiff.Var;
import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.ShapeMismatchException;
import dev.fixpoint.core.Tensor;
import dev.fixpoint.solvers.SolverStatus;
import dev.fixpoint.solvers.fixedpoint.FixedPointMap;
import dev.fixpoint.solvers.fixedpoint.FixedPointResult;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One application of a {@link DeqLayer} on the tape: inputs {@code (x, θ₁, …, θₙ)}, output {@code z*}.
 *
 * <p>The outer tape runs VJPs with recording off (a {@link NoGrad} scope); the backward pass resumes
 * recording ({@link NoGrad#resume()}) to linearise {@code f} at {@code z*} on a fresh private tape,
 * which is released before the VJP returns.
 */
final class DeqOperation extends Op {
    private static final Logger LOG = LoggerFactory.getLogger(DeqOperation.class);
    private final DeqLayer layer;
    private final Tensor start;

    DeqOperation(DeqLayer layer, Tensor start) {
        this.layer = layer;
        this.start = start;
    }

    @Override
    public String name() {
        return "deq";
    }

    @Override
    protected Tensor forward(OpContext ctx, Tensor[] inputs) {
        Tensor x = inputs[0];
        Tensor[] params = Arrays.copyOfRange(inputs, 1, inputs.length);
        int d = layer.stateSize();
        FixedPointMap map = (z, samples) -> {
            try (NoGrad scope = NoGrad.enter()) {
                Var out = layer.function().apply(Var.constant(z), Var.constant(SampleColumns.gather(x, samples)), constants(params));
                return out.value();
            }
        };
        FixedPointResult r = layer.forwardSolver().solve(map, start);
        layer.recordForward(r);
        if (r.status() == SolverStatus.DIVERGED) {
            int s = 0;
            while (r.status(s) != SolverStatus.DIVERGED) {
                s++;
            }
            throw new FixpointException("ForwardSolveFailed", "DeqLayer forward (" + r.solver() + "): sample " + s
                    + " diverged: " + r.sample(s).stoppingReason() + "; is f contractive in z?");
        }
        if (!r.converged()) {
            LOG.debug("DeqLayer forward not converged: {}", r);
        }
        Tensor z = r.solution();
        if (z.dim(0) != d) {
            throw new ShapeMismatchException("DeqLayer state", z.shape(), new int[]{d, x.dim(1)}, "f must return [d, B]");
        }
        ctx.save(z);
        return z;
    }

    @Override
    protected Tensor[] vjp(OpContext ctx, Tensor upstream) {
        Tensor z = ctx.saved(0);
        int n = ctx.inputCount();
        Tensor[] values = new Tensor[n];
        boolean[] needs = new boolean[n];
        for (int i = 0; i < n; i++) {
            values[i] = ctx.input(i).value();
            needs[i] = ctx.needsGrad(i);
        }
        try (NoGrad recording = NoGrad.resume()) {
            return backward(z, values, needs, upstream);
        }
    }

    private Tensor[] backward(Tensor z, Tensor[] values, boolean[] needs, Tensor g) {
        long t0 = System.nanoTime();
        BackwardMode mode = layer.backwardMode();
        int n = values.length;
        try (Tape tape = new Tape()) {
            Var[] in = new Var[n];
            for (int i = 0; i < n; i++) {
                in[i] = needs[i] ? tape.variable(values[i]) : Var.constant(values[i]);
            }
            Var[] params = Arrays.copyOfRange(in, 1, n);
            Var[] wrt = Arrays.stream(in).filter(Var::requiresGrad).toArray(Var[]::new);
            Tensor[] out = new Tensor[n];
            if (wrt.length == 0) {
                return out;
            }
            Var seedOut;
            Tensor u;
            int products;
            double residual = Double.NaN;
            boolean fellBack = false;
            if (mode.kind() == BackwardMode.Kind.PHANTOM) {
                Var zk = Var.constant(z);
                double lambda = mode.damping();
                for (int k = 0; k < mode.steps(); k++) {
                    Var fz = layer.function().apply(zk, in[0], params);
                    zk = lambda == 1 ? fz : zk.mul(1 - lambda).add(fz.mul(lambda));
                }
                seedOut = zk;
                u = g;
                products = mode.steps();
            } else {
                Var zv = tape.variable(z);
                Var f = layer.function().apply(zv, in[0], params);
                if (!Arrays.equals(f.shape(), z.shape())) {
                    throw new ShapeMismatchException("DeqLayer f(z*)", f.shape(), z.shape(), "f must return z's shape");
                }
                seedOut = f;
                Var[] zOnly = {zv};
                TransposedJacobian jt = v -> tape.gradients(f, v, zOnly, false)[0].value();
                switch (mode.kind()) {
                    case EXACT -> {
                        BackwardSolution s = mode.solver().solve(jt, g);
                        products = s.products();
                        residual = s.residual();
                        if (s.converged() && s.u().isFinite()) {
                            u = s.u();
                        } else if (mode.fallback()) {
                            LOG.warn("DeqLayer backward solve failed ({}); falling back to the Jacobian-free gradient", s.detail());
                            u = g;
                            fellBack = true;
                        } else {
                            throw new FixpointException("BackwardSolveFailed", "DeqLayer exact backward: the adjoint "
                                    + "solve (I − Jᵀ)u = g did not converge: " + s.detail() + " (residual " + s.residual()
                                    + "); use a stronger BackwardSolver, a contractive f, or BackwardMode.exact().withFallback(true)");
                        }
                    }
                    case NEUMANN -> {
                        u = g.copy();
                        Tensor term = g;
                        for (int k = 1; k < mode.steps(); k++) {
                            term = jt.apply(term);
                            u.addInto(term, u);
                        }
                        products = mode.steps() - 1;
                    }
                    default -> {
                        u = g;
                        products = 0;
                    }
                }
            }
            int nodes = tape.size();
            Var[] grads = tape.gradients(seedOut, u, wrt, false);
            for (int i = 0, j = 0; i < n; i++) {
                if (in[i].requiresGrad()) {
                    out[i] = grads[j++].value();
                }
            }
            layer.recordBackward(new BackwardStatistics(mode, products, residual, nodes, fellBack,
                    (System.nanoTime() - t0) * 1e-9));
            return out;
        }
    }

    private static Var[] constants(Tensor[] params) {
        Var[] out = new Var[params.length];
        for (int i = 0; i < params.length; i++) {
            out[i] = Var.constant(params[i]);
        }
        return out;
    }

}
