package dev.fixpoint.solvers.unroll;

import dev.fixpoint.core.FixpointException;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What an unrolled network learns: for each {@link Quantity} of the algorithm, either nothing (the
 * quantity stays at its classical value, a constant) or a trainable parameter that is
 * {@link Tying#TIED tied} (one value shared by every layer) or {@link Tying#UNTIED untied} (one value
 * per layer, each initialised to the classical value of its layer).
 *
 * <p>{@link #none()} learns nothing: the network then computes exactly the classical iteration.
 * Specs are immutable values; {@link #learn} and {@link #fix} return new specs. The text form
 * ({@link #toString()}, {@link #parse}) is {@code quantity=tying} pairs separated by commas, e.g.
 * {@code "step=untied,threshold=tied"}, or {@code "none"}; networks put it in their configuration.
 *
 * <pre>{@code
 * LearningSpec spec = LearningSpec.none()
 *         .learn(Quantity.STEP, Tying.UNTIED)
 *         .learn(Quantity.THRESHOLD, Tying.UNTIED);
 * }</pre>
 */
public final class LearningSpec {

    /** The quantities of unrolled algorithms that can be learned. */
    public enum Quantity {
        /** The step τ: the gradient step of ISTA and FISTA, the primal step of PDHG, the step of PnP-PGD (a scalar). */
        STEP("step"),
        /**
         * The regularisation weight λ (a scalar ≥ 0): the proximal map applied is that of {@code s·λ·g}
         * with the algorithm's step {@code s} ({@code τ}, or {@code 1/ρ} in ADMM), so the soft threshold
         * is {@code s·λ}.
         */
        THRESHOLD("threshold"),
        /** FISTA's momentum β_k: the weight of the skip connection {@code x_k + β_k(x_k − x_{k−1})} (a scalar). */
        MOMENTUM("momentum"),
        /** The ADMM penalty ρ > 0 (a scalar), in ADMM and PnP-ADMM. */
        PENALTY("penalty"),
        /** The dual step σ > 0 of PDHG (a scalar). */
        DUAL_STEP("dual-step"),
        /** The linear map W [n, m] that replaces Aᵀ (initialised to Aᵀ). */
        LINEAR_MAP("linear-map"),
        /** The weights of the learned denoiser of a plug-and-play network ({@link CnnDenoiser}). */
        DENOISER("denoiser");

        private final String key;

        Quantity(String key) {
            this.key = key;
        }

        /** @return the name in the text form, e.g. {@code "dual-step"} */
        public String key() {
            return key;
        }

        static Quantity byKey(String key) {
            for (Quantity q : values()) {
                if (q.key.equals(key)) {
                    return q;
                }
            }
            throw new FixpointException("InvalidParameter", "unknown learnable quantity '" + key + "'; known: "
                    + Arrays.stream(values()).map(Quantity::key).collect(Collectors.joining(", ")));
        }
    }

    private static final LearningSpec NONE = new LearningSpec(new EnumMap<>(Quantity.class));
    private final EnumMap<Quantity, Tying> learned;

    private LearningSpec(EnumMap<Quantity, Tying> learned) {
        this.learned = learned;
    }

    /** @return the spec that learns nothing (the classical algorithm) */
    public static LearningSpec none() {
        return NONE;
    }

    /** @return a spec learning exactly {@code q} with {@code tying} */
    public static LearningSpec of(Quantity q, Tying tying) {
        return NONE.learn(q, tying);
    }

    /**
     * @param text {@code "none"} or comma-separated {@code quantity=tied|untied} pairs, e.g.
     *             {@code "step=untied,threshold=tied"} (quantity names as {@link Quantity#key()})
     * @return the spec
     * @throws FixpointException {@code [fixpoint/InvalidParameter]} naming an unknown quantity or tying
     */
    public static LearningSpec parse(String text) {
        String t = text.strip();
        if (t.isEmpty() || t.equals("none")) {
            return NONE;
        }
        LearningSpec spec = NONE;
        for (String pair : t.split(",")) {
            String[] kv = pair.strip().split("=", -1);
            if (kv.length != 2) {
                throw new FixpointException("InvalidParameter", "learning spec '" + text + "': '" + pair.strip()
                        + "' is not of the form quantity=tied or quantity=untied");
            }
            Quantity q = Quantity.byKey(kv[0].strip());
            Tying tying = switch (kv[1].strip().toLowerCase(Locale.ROOT)) {
                case "tied" -> Tying.TIED;
                case "untied" -> Tying.UNTIED;
                default -> throw new FixpointException("InvalidParameter", "learning spec '" + text + "': tying '"
                        + kv[1].strip() + "' of " + q.key() + " is neither 'tied' nor 'untied'");
            };
            spec = spec.learn(q, tying);
        }
        return spec;
    }

    /** @return this spec with {@code q} learned with {@code tying} (replacing an earlier choice) */
    public LearningSpec learn(Quantity q, Tying tying) {
        if (q == null || tying == null) {
            throw new IllegalArgumentException("[fixpoint/InvalidParameter] learn: quantity and tying must not be null");
        }
        EnumMap<Quantity, Tying> copy = new EnumMap<>(learned);
        copy.put(q, tying);
        return new LearningSpec(copy);
    }

    /** @return this spec with {@code q} fixed at its classical value */
    public LearningSpec fix(Quantity q) {
        EnumMap<Quantity, Tying> copy = new EnumMap<>(learned);
        copy.remove(q);
        return new LearningSpec(copy);
    }

    /** @return whether {@code q} is learned */
    public boolean isLearned(Quantity q) {
        return learned.containsKey(q);
    }

    /** @return the tying of {@code q}, or {@code null} when {@code q} is fixed */
    public Tying tying(Quantity q) {
        return learned.get(q);
    }

    /** @return the learned quantities (unmodifiable, in declaration order) */
    public Set<Quantity> learned() {
        return Collections.unmodifiableSet(learned.keySet());
    }

    /**
     * Checks that every learned quantity is one the network has.
     *
     * @param architecture the network, for the message
     * @param available    the quantities it can learn
     * @throws FixpointException {@code [fixpoint/InvalidParameter]} naming the first other quantity and
     *         listing the available ones
     */
    void requireWithin(String architecture, Set<Quantity> available) {
        for (Quantity q : learned.keySet()) {
            if (!available.contains(q)) {
                throw new FixpointException("InvalidParameter", architecture + " has no quantity '" + q.key()
                        + "' to learn; it can learn: " + available.stream().map(Quantity::key)
                        .collect(Collectors.joining(", ")));
            }
        }
    }

    @Override
    public String toString() {
        if (learned.isEmpty()) {
            return "none";
        }
        StringBuilder s = new StringBuilder();
        for (Map.Entry<Quantity, Tying> e : learned.entrySet()) {
            if (s.length() > 0) {
                s.append(',');
            }
            s.append(e.getKey().key()).append('=').append(e.getValue().name().toLowerCase(Locale.ROOT));
        }
        return s.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LearningSpec other && learned.equals(other.learned);
    }

    @Override
    public int hashCode() {
        return learned.hashCode();
    }
}
