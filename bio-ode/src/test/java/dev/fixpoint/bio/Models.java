package dev.fixpoint.bio;

/** Small models shared by the tests. */
final class Models {
    private Models() {
    }

    /** Robertson's stiff chemical kinetics. */
    static ReactionNetwork robertson() {
        return ReactionNetwork.builder("robertson")
                .species("A", 1).species("B", 0).species("C", 0)
                .parameter("k1", 0.04).parameter("k2", 1e4).parameter("k3", 3e7)
                .massAction("r1", "A -> B", "k1")
                .massAction("r2", "B + C -> A + C", "k2")
                .massAction("r3", "2 B -> B + C", "k3")
                .observable("obsB", "B")
                .build();
    }

    /** dx/dt = −k x + p·u(t), u a unit step at t = 2 (a discontinuity). */
    static ReactionNetwork stepInput() {
        return ReactionNetwork.builder("step-input")
                .parameter("k", 1.0).parameter("p", 2.0).parameter("x0", 0.5)
                .species("x", "default", "x0")
                .assignmentRule("u", "piecewise(1, time >= 2, 0)")
                .reaction("in", "-> x", "p*u")
                .reaction("out", "x ->", "k*x")
                .observable("y", "x")
                .build();
    }

    /** Michaelis–Menten conversion S → P with an enzyme-independent leak of P, observed P·scale. */
    static ReactionNetwork michaelisMenten() {
        return ReactionNetwork.builder("michaelis-menten")
                .parameter("Vmax", 1.2).parameter("Km", 0.4).parameter("kd", 0.1).parameter("scale", 2.0)
                .species("S", 3.0).species("P", 0.0)
                .michaelisMenten("conv", "S -> P", "Vmax", "Km")
                .massAction("deg", "P ->", "kd")
                .observable("Pobs", "scale*P")
                .observable("Sobs", "S")
                .build();
    }
}
