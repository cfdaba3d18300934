package dev.fixpoint.bio.petab;

/**
 * A PEtab objective prior of one parameter (parameter table columns {@code objectivePriorType} /
 * {@code objectivePriorParameters}, or the older {@code priorType} / {@code priorParameters}). The objective adds
 * −log p: for the linear-scale types (normal, laplace, uniform, logNormal, logLaplace) p is the density of the linear
 * value x (no Jacobian of the parameter scale), for the parameterScale types the density of the scaled value θ.
 * Immutable.
 *
 * @param type   the distribution
 * @param first  μ (normal, laplace, logNormal, logLaplace and their parameterScale forms) or the lower end (uniform)
 * @param second σ (normal kinds), the Laplace scale b, or the upper end (uniform)
 */
public record PetabPrior(Type type, double first, double second) {

    /** The prior distributions of PEtab v1. */
    public enum Type {
        /** uniform on [a, b] of x */ UNIFORM("uniform"),
        /** normal(μ, σ) of x */ NORMAL("normal"),
        /** Laplace(μ, b) of x */ LAPLACE("laplace"),
        /** ln x ~ normal(μ, σ) */ LOG_NORMAL("logNormal"),
        /** ln x ~ Laplace(μ, b) */ LOG_LAPLACE("logLaplace"),
        /** uniform on [a, b] of θ */ PARAMETER_SCALE_UNIFORM("parameterScaleUniform"),
        /** normal(μ, σ) of θ */ PARAMETER_SCALE_NORMAL("parameterScaleNormal"),
        /** Laplace(μ, b) of θ */ PARAMETER_SCALE_LAPLACE("parameterScaleLaplace");

        private final String petabName;

        Type(String petabName) {
            this.petabName = petabName;
        }

        /** @return the name used in PEtab tables */
        public String petabName() {
            return petabName;
        }

        /**
         * @param name a PEtab prior type (case-insensitive)
         * @return the type, or null if unknown
         */
        public static Type of(String name) {
            for (Type t : values()) {
                if (t.petabName.equalsIgnoreCase(name)) {
                    return t;
                }
            }
            return null;
        }

        boolean uniform() {
            return this == UNIFORM || this == PARAMETER_SCALE_UNIFORM;
        }

        boolean onScale() {
            return this == PARAMETER_SCALE_UNIFORM || this == PARAMETER_SCALE_NORMAL || this == PARAMETER_SCALE_LAPLACE;
        }
    }

    /** Validates: a &lt; b for the uniform kinds, σ or b &gt; 0 otherwise, both finite. */
    public PetabPrior {
        if (!Double.isFinite(first) || !Double.isFinite(second)
                || (type.uniform() ? !(first < second) : !(second > 0))) {
            throw new IllegalArgumentException("[fixpoint/PetabPrior] " + type.petabName + " needs "
                    + (type.uniform() ? "finite bounds a < b" : "a finite location and a scale > 0") + ", got "
                    + first + ";" + second);
        }
    }

    /**
     * −log p at the scaled value θ, and its derivative with respect to θ.
     *
     * @param theta the parameter on its scale
     * @param scale the parameter's scale
     * @param d     out, or null: d[0] = d(−log p)/dθ (0 outside a uniform prior's support and at a Laplace kink's
     *              left-hand limit)
     * @return −log p; +∞ outside the support
     */
    public double negLogDensity(double theta, PetabProblem.Scale scale, double[] d) {
        double x = type.onScale() ? theta : scale.fromScale(theta);
        // dx/dθ for the linear-scale types
        double dx = type.onScale() ? 1 : switch (scale) {
            case LIN -> 1;
            case LOG -> x;
            case LOG10 -> x * Math.log(10);
        };
        double v;
        double g;
        switch (type) {
            case UNIFORM, PARAMETER_SCALE_UNIFORM -> {
                v = x >= first && x <= second ? Math.log(second - first) : Double.POSITIVE_INFINITY;
                g = 0;
            }
            case NORMAL, PARAMETER_SCALE_NORMAL -> {
                double z = (x - first) / second;
                v = 0.5 * Math.log(2 * Math.PI * second * second) + 0.5 * z * z;
                g = z / second;
            }
            case LAPLACE, PARAMETER_SCALE_LAPLACE -> {
                v = Math.log(2 * second) + Math.abs(x - first) / second;
                g = Math.signum(x - first) / second;
            }
            case LOG_NORMAL -> {
                double z = (Math.log(x) - first) / second;
                v = x > 0 ? Math.log(x) + 0.5 * Math.log(2 * Math.PI * second * second) + 0.5 * z * z
                        : Double.POSITIVE_INFINITY;
                g = (1 + z / second) / x;
            }
            case LOG_LAPLACE -> {
                double u = Math.log(x) - first;
                v = x > 0 ? Math.log(2 * second * x) + Math.abs(u) / second : Double.POSITIVE_INFINITY;
                g = (1 + Math.signum(u) / second) / x;
            }
            default -> throw new IllegalStateException(type.name());
        }
        if (d != null) {
            d[0] = Double.isFinite(v) ? g * dx : 0;
        }
        return v;
    }
}
