package dev.fixpoint.bio.petab;

import dev.fixpoint.core.FixpointException;
import java.util.List;
import java.util.regex.Matcher;

/**
 * Where the least-squares residuals of {@link PetabObjective#residuals} go: one residual per measurement (table
 * order), then one error-model residual sqrt(2 log σ + C) per measurement whose σ can depend on the estimated
 * parameters, with the constant C and (filled in lazily by the objective) the θ-independent offset
 * NLL − ½‖r‖².
 */
final class ResidualLayout {

    /** Per measurement: the row of its error-model residual, or −1 when its σ is fixed. */
    int[] errorRow;
    /** Number of residuals. */
    int count;
    /** C of the error-model residuals (0 when there are none). */
    double constant;
    /** NLL − ½‖r‖², NaN until computed. */
    double offset = Double.NaN;

    private ResidualLayout() {
    }

    /**
     * @param problem   the PEtab problem
     * @param estimated the estimated parameter ids
     * @return the layout
     * @throws FixpointException {@code [fixpoint/NotLeastSquares]} if an observable has Laplace noise or an estimated
     *                           parameter has an objective prior
     */
    static ResidualLayout of(PetabProblem problem, List<String> estimated) {
        for (String id : estimated) {
            if (problem.priors().containsKey(id)) {
                throw new FixpointException("NotLeastSquares", "parameter '" + id + "' has a "
                        + problem.priors().get(id).type().petabName() + " objective prior; residuals cover the likelihood "
                        + "only, use value/gradient");
            }
        }
        List<PetabProblem.Measurement> ms = problem.measurements();
        ResidualLayout lay = new ResidualLayout();
        lay.errorRow = new int[ms.size()];
        int next = ms.size();
        double[] lowest = {Double.POSITIVE_INFINITY};
        for (int i = 0; i < ms.size(); i++) {
            PetabProblem.Measurement m = ms.get(i);
            PetabProblem.Observable ob = problem.observables().get(m.observableId());
            if (ob.noise() != PetabProblem.Noise.NORMAL) {
                throw new FixpointException("NotLeastSquares", "observable '" + ob.id() + "' has " + ob.noise()
                        + " noise; least-squares residuals need normal noise on every observable");
            }
            lay.errorRow[i] = noiseVaries(problem, ob, m, lowest) ? next++ : -1;
        }
        lay.count = next;
        boolean any = next > ms.size();
        lay.constant = !any ? 0 : 1 - 2 * Math.log(Double.isFinite(lowest[0]) ? lowest[0] : 1e-10);
        return lay;
    }

    /**
     * Conservative: true unless every symbol of the measurement's noise formula (placeholders resolved) is a number
     * or a parameter-table id that is not estimated. Records the smallest positive lower bound of the estimated ones.
     */
    private static boolean noiseVaries(PetabProblem problem, PetabProblem.Observable ob, PetabProblem.Measurement m,
                                       double[] lowest) {
        String formula = ob.noiseFormula();
        Matcher mt = Placeholders.SYMBOL.matcher(formula);
        boolean varies = false;
        while (mt.find()) {
            String sym = mt.group();
            int after = mt.end();
            while (after < formula.length() && formula.charAt(after) == ' ') {
                after++;
            }
            if (after < formula.length() && formula.charAt(after) == '(') {
                continue; // a function
            }
            int n = Placeholders.index(sym, "noiseParameter", ob.id());
            if (n >= 0) {
                if (n < 1 || n > m.noiseParameters().size()) {
                    return true; // reported with its position when the condition is compiled
                }
                sym = m.noiseParameters().get(n - 1);
                if (Placeholders.isNumber(sym)) {
                    continue;
                }
            }
            PetabProblem.Parameter par = problem.parameters().get(sym);
            if (par == null) {
                varies = true;
            } else if (par.estimate()) {
                varies = true;
                if (par.lower() > 0) {
                    lowest[0] = Math.min(lowest[0], par.lower());
                }
            }
        }
        return varies;
    }
}
