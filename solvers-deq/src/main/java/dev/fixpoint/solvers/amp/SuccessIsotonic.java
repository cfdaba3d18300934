package dev.fixpoint.solvers.amp;

import java.util.List;

/**
 * Weighted isotonic regression of success rates (pool adjacent violators): the non-increasing
 * sequence closest in weighted least squares to the observed rates, weights = trials per cell.
 */
final class SuccessIsotonic {
    private SuccessIsotonic() {
    }

    /**
     * @param cells cells sorted by ρ
     * @return the fitted non-increasing rates, one per cell
     */
    static double[] nonIncreasing(List<PhaseTransitionExperiment.Cell> cells) {
        int count = cells.size();
        double[] value = new double[count];
        double[] weight = new double[count];
        int[] size = new int[count];
        int blocks = 0;
        for (PhaseTransitionExperiment.Cell c : cells) {
            value[blocks] = c.rate();
            weight[blocks] = c.trials();
            size[blocks] = 1;
            blocks++;
            while (blocks > 1 && value[blocks - 2] < value[blocks - 1]) { // violates non-increasing: pool
                double w = weight[blocks - 2] + weight[blocks - 1];
                value[blocks - 2] = (value[blocks - 2] * weight[blocks - 2] + value[blocks - 1] * weight[blocks - 1]) / w;
                weight[blocks - 2] = w;
                size[blocks - 2] += size[blocks - 1];
                blocks--;
            }
        }
        double[] fit = new double[count];
        int at = 0;
        for (int b = 0; b < blocks; b++) {
            for (int i = 0; i < size[b]; i++) {
                fit[at++] = value[b];
            }
        }
        return fit;
    }
}
