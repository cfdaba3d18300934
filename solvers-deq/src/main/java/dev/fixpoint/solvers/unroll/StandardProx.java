package dev.fixpoint.solvers.unroll;

import dev.fixpoint.autodiff.Ops;
import dev.fixpoint.autodiff.Var;
import dev.fixpoint.operators.prox.diff.DifferentiableProx;

/** The built-in proximal maps of {@link UnrolledProx}. */
final class StandardProx {
    static final UnrolledProx L1 = new Simple("l1", true) {
        @Override
        public Var apply(Var v, Var theta) {
            return DifferentiableProx.l1(v, theta);
        }
    };
    static final UnrolledProx L1_NONNEGATIVE = new Simple("l1-nonnegative", true) {
        @Override
        public Var apply(Var v, Var theta) {
            return Ops.relu(Ops.sub(v, theta));
        }
    };
    static final UnrolledProx NONNEGATIVE = new Simple("nonnegative", false) {
        @Override
        public Var apply(Var v, Var theta) {
            return Ops.relu(v);
        }
    };

    private StandardProx() {
    }

    private abstract static class Simple implements UnrolledProx {
        private final String name;
        private final boolean weighted;

        Simple(String name, boolean weighted) {
            this.name = name;
            this.weighted = weighted;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public boolean weighted() {
            return weighted;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** Projection onto [lo, hi]. */
    record Box(double lo, double hi) implements UnrolledProx {
        @Override
        public String name() {
            return "box[" + lo + "," + hi + "]";
        }

        @Override
        public boolean weighted() {
            return false;
        }

        @Override
        public Var apply(Var v, Var theta) {
            return DifferentiableProx.box(v, Var.constant(lo), Var.constant(hi));
        }
    }
}
