package dev.fixpoint.bio.suites;

import dev.fixpoint.bio.ReactionNetwork;

/** The built-in models of the {@code ode-sensitivity} suite. */
public final class BuiltInModels {
    private BuiltInModels() {
    }

    /**
     * dx/dt = −k·x + p·u(t) with a unit step input u at t = 2 (observable y = x; parameters k, p, x0).
     *
     * @return the model
     */
    public static ReactionNetwork stepInput() {
        return ReactionNetwork.builder("step-input")
                .parameter("k", 1.0).parameter("p", 2.0).parameter("x0", 0.5)
                .species("x", "default", "x0")
                .assignmentRule("u", "piecewise(1, time >= 2, 0)")
                .reaction("in", "-> x", "p*u")
                .reaction("out", "x ->", "k*x")
                .observable("y", "x")
                .build();
    }

    /**
     * Michaelis–Menten conversion S → P (Vmax, Km) with first-order loss of P (kd); observable
     * {@code Pobs = scale·P}.
     *
     * @return the model
     */
    public static ReactionNetwork michaelisMenten() {
        return ReactionNetwork.builder("michaelis-menten")
                .parameter("Vmax", 1.2).parameter("Km", 0.4).parameter("kd", 0.1).parameter("scale", 2.0)
                .species("S", 3.0).species("P", 0.0)
                .michaelisMenten("conv", "S -> P", "Vmax", "Km")
                .massAction("deg", "P ->", "kd")
                .observable("Pobs", "scale*P")
                .build();
    }

    /**
     * A linear chain of n species: x1 fed at rate 1, x_i → x_{i+1} (and x_n → ∅) with first-order
     * rates k_i = 1 + 0.1·i/n (parameters k1 … kn); observable {@code xN} = x_n.
     *
     * @param n number of species (= number of parameters), ≥ 1
     * @return the model
     */
    public static ReactionNetwork linearChain(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("[fixpoint/ChainLength] need n ≥ 1, got " + n);
        }
        ReactionNetwork.Builder b = ReactionNetwork.builder("chain-" + n);
        for (int i = 1; i <= n; i++) {
            b.species("x" + i, 0.0);
            b.parameter("k" + i, 1 + 0.1 * i / n);
        }
        b.reaction("feed", "-> x1", "1");
        for (int i = 1; i <= n; i++) {
            b.massAction("r" + i, i < n ? "x" + i + " -> x" + (i + 1) : "x" + i + " ->", "k" + i);
        }
        return b.observable("xN", "x" + n).build();
    }

    /** @return the chain's measurement times: 20 equally spaced over (0, 2n] @param n chain length */
    public static double[] chainTimes(int n) {
        double[] t = new double[20];
        for (int j = 1; j <= 20; j++) {
            t[j - 1] = 2.0 * n * j / 20;
        }
        return t;
    }
}
