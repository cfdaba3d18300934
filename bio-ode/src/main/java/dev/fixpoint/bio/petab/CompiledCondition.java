package dev.fixpoint.bio.petab;

import dev.fixpoint.bio.CompiledNetwork;
import dev.fixpoint.bio.Simulator;
import dev.fixpoint.bio.ode.OdeOptions;
import java.util.Arrays;
import java.util.Map;

/**
 * A simulation condition (or a pair of pre-equilibration and simulation condition) compiled once by
 * {@link ConditionCompiler}: the model with the PEtab parameters as model parameters and the observable and noise
 * formulas of its measurements as extra observables. Mutable: {@link #equilibrate} sets the simulator's start state.
 */
final class CompiledCondition {

    /** No start sensitivities (plain simulation). */
    static final int NO_SENSITIVITIES = 0;
    /** Start sensitivities for the parameters both conditions share (the others' columns zero). */
    static final int SHARED_COLUMNS = 1;
    /** Start sensitivities only for the parameters the two conditions map differently. */
    static final int CONFLICT_COLUMNS = 2;

    CompiledNetwork net;
    Simulator simulator;
    /** PEtab parameter id that sets each model parameter, or null to keep the compiled value. */
    String[] source;
    /** Measurement times, sorted. */
    double[] times;
    /** The measurements' NLL terms as a loss on the observables. */
    Simulator.ObservableLoss loss;
    /** Per output (time-sorted): observable index, noise index, index in the measurement table. */
    int[] obsIndex;
    int[] noiseIndex;
    int[] measurement;
    /** The pre-equilibration of this simulation condition, or null for none. */
    Preequilibration pre;

    /**
     * @param values linear-scale values for every id of the parameter table
     * @return the model parameters of the simulation condition [net.parameterCount()]
     */
    double[] parameters(Map<String, Double> values) {
        double[] p = net.nominalParameters();
        for (int k = 0; k < p.length; k++) {
            if (source[k] != null) {
                p[k] = values.get(source[k]);
            }
        }
        return p;
    }

    /**
     * What a pre-equilibrated condition pair needs besides its simulation condition: the pre-equilibration
     * condition's parameters (same model-parameter order as the condition's network) and the species values each
     * condition sets.
     */
    static final class Preequilibration {
        /** PEtab parameter id that sets each model parameter during pre-equilibration, or null. */
        String[] source;
        /** Value of each model parameter during pre-equilibration when the source is null. */
        double[] fixed;
        /** Species values the pre-equilibration condition sets (NaN: the model's initial value). */
        double[] start;
        /** Species values the simulation condition sets after pre-equilibration (NaN: keep the steady state). */
        double[] reset;
        /** The first parameter the two conditions map differently (to different table parameters), or null. */
        String noGradient;
        /** Per model parameter: mapped to a table parameter during pre-equilibration, differently from the simulation. */
        boolean[] conflict;

        double[] parameters(Map<String, Double> values) {
            double[] p = fixed.clone();
            for (int k = 0; k < p.length; k++) {
                if (source[k] != null) {
                    p[k] = values.get(source[k]);
                }
            }
            return p;
        }
    }

    /**
     * Finds the steady state of the pre-equilibration condition at these parameter values and makes it the start
     * state of the simulator, with dx*&#47;dp (implicit function theorem) as start sensitivities when asked for.
     * Rows of species the simulation condition resets are zero, and so are the columns not selected by
     * {@code columns} (parameters fixed during pre-equilibration are never selected). Needs {@link #pre}.
     *
     * @param values  linear-scale values for every id of the parameter table
     * @param columns {@link #NO_SENSITIVITIES}, {@link #SHARED_COLUMNS} or {@link #CONFLICT_COLUMNS}
     * @param options integration and steady-state options
     */
    void equilibrate(Map<String, Double> values, int columns, OdeOptions options) {
        Preequilibration pe = pre;
        boolean sensitivities = columns != NO_SENSITIVITIES;
        int n = net.speciesCount();
        int np = net.parameterCount();
        double[] p = pe.parameters(values);
        net.setParameters(p);
        double[] x0 = new double[n];
        net.initialState(x0);
        for (int i = 0; i < n; i++) {
            if (!Double.isNaN(pe.start[i])) {
                x0[i] = pe.start[i];
            }
        }
        double[] s = sensitivities ? new double[n * np] : null;
        double[] x = simulator.options(options).steadyState(p, x0, s);
        for (int i = 0; i < n; i++) {
            if (!Double.isNaN(pe.reset[i])) {
                x[i] = pe.reset[i];
                if (s != null) {
                    for (int k = 0; k < np; k++) {
                        s[k * n + i] = 0;
                    }
                }
            }
        }
        if (s != null) {
            for (int k = 0; k < np; k++) {
                boolean keep = columns == SHARED_COLUMNS ? pe.source[k] != null && !pe.conflict[k] : pe.conflict[k];
                if (!keep) {
                    Arrays.fill(s, k * n, (k + 1) * n, 0);
                }
            }
        }
        simulator.initialState(x, s);
    }
}
