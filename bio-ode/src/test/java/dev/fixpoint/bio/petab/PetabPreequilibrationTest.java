package dev.fixpoint.bio.petab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.bio.GradientMethod;
import dev.fixpoint.core.FixpointException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pre-equilibration semantics on a problem with a closed-form solution: ∅ → A (rate p), A → ∅ (k·A), B → ∅ (k2·B).
 * The pre-equilibration condition maps p to p_pre and sets B = 1 (the start of the steady-state search); the
 * simulation condition maps p to p_sim and resets B = 3. So A(0) = p_pre/k, A(t) = p_sim/k + (A(0) − p_sim/k)e^{−kt},
 * B(t) = 3e^{−k2·t}. Asserted: the NLL equals the closed form (≤ 1e-8 relative), adjoint and forward gradients equal
 * central differences of the closed form (≤ 1e-6 relative; p is mapped differently by the two conditions, the
 * two-run path), and the residual Jacobian refuses that mapping with [fixpoint/PetabGradient].
 */
class PetabPreequilibrationTest {

    private static final double[] TIMES = {0, 0.5, 1, 2};
    private static final double[] DATA_A = {3.9, 2.8, 1.7, 1.1};
    private static final double[] DATA_B = {3.1, 1.6, 0.9, 0.2};

    @Test
    void closedFormValueAndGradients(@TempDir Path dir) throws IOException {
        PetabObjective f = new PetabObjective(PetabProblem.load(write(dir)));
        assertEquals(java.util.List.of("k", "k2", "p_pre", "p_sim", "sigma"), f.estimated());
        double[] th = {Math.log10(0.5), Math.log10(0.3), 2, 0.4, Math.log10(0.2)};
        double exact = closedForm(th);
        assertEquals(exact, f.value(th), 1e-8 * Math.abs(exact));
        double[] fd = new double[th.length];
        for (int i = 0; i < th.length; i++) {
            double h = 1e-5;
            double[] p = th.clone();
            p[i] += h;
            double up = closedForm(p);
            p[i] -= 2 * h;
            fd[i] = (up - closedForm(p)) / (2 * h);
        }
        for (GradientMethod m : new GradientMethod[]{GradientMethod.ADJOINT, GradientMethod.FORWARD}) {
            double[] g = new double[th.length];
            assertEquals(exact, f.gradient(th, m, g), 1e-8 * Math.abs(exact));
            for (int i = 0; i < th.length; i++) {
                assertEquals(fd[i], g[i], 1e-6 * Math.max(1, Math.abs(fd[i])), m + " " + f.estimated().get(i));
            }
        }
        double[] r = new double[f.residualCount()];
        assertEquals(exact, f.residuals(th, r, null), 1e-8 * Math.abs(exact));
        FixpointException e = assertThrows(FixpointException.class,
                () -> f.residuals(th, r, new double[r.length][th.length]));
        assertEquals("PetabGradient", e.id());
        assertTrue(e.getMessage().contains("'p'"), e.getMessage());
    }

    private static double closedForm(double[] th) {
        double k = Math.pow(10, th[0]);
        double k2 = Math.pow(10, th[1]);
        double pPre = th[2];
        double pSim = th[3];
        double sigma = Math.pow(10, th[4]);
        double a0 = pPre / k;
        double nll = 0;
        for (int i = 0; i < TIMES.length; i++) {
            double a = pSim / k + (a0 - pSim / k) * Math.exp(-k * TIMES[i]);
            double b = 3 * Math.exp(-k2 * TIMES[i]);
            for (double res : new double[]{a - DATA_A[i], b - DATA_B[i]}) {
                nll += 0.5 * Math.log(2 * Math.PI * sigma * sigma) + 0.5 * res * res / (sigma * sigma);
            }
        }
        return nll;
    }

    private static Path write(Path dir) throws IOException {
        String math = "<math xmlns=\"http://www.w3.org/1998/Math/MathML\">";
        Files.writeString(dir.resolve("model.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <sbml xmlns="http://www.sbml.org/sbml/level3/version1/core" level="3" version="1">
                  <model id="preeq">
                    <listOfCompartments><compartment id="c" size="1" constant="true"/></listOfCompartments>
                    <listOfSpecies>
                      <species id="A" compartment="c" initialConcentration="0" hasOnlySubstanceUnits="false" boundaryCondition="false" constant="false"/>
                      <species id="B" compartment="c" initialConcentration="2" hasOnlySubstanceUnits="false" boundaryCondition="false" constant="false"/>
                    </listOfSpecies>
                    <listOfParameters>
                      <parameter id="p" value="0" constant="true"/>
                      <parameter id="k" value="1" constant="true"/>
                      <parameter id="k2" value="1" constant="true"/>
                    </listOfParameters>
                    <listOfReactions>
                      <reaction id="make" reversible="false" fast="false">
                        <listOfProducts><speciesReference species="A" stoichiometry="1" constant="true"/></listOfProducts>
                        <kineticLaw>MATH<ci>p</ci></math></kineticLaw>
                      </reaction>
                      <reaction id="lossA" reversible="false" fast="false">
                        <listOfReactants><speciesReference species="A" stoichiometry="1" constant="true"/></listOfReactants>
                        <kineticLaw>MATH<apply><times/><ci>k</ci><ci>A</ci></apply></math></kineticLaw>
                      </reaction>
                      <reaction id="lossB" reversible="false" fast="false">
                        <listOfReactants><speciesReference species="B" stoichiometry="1" constant="true"/></listOfReactants>
                        <kineticLaw>MATH<apply><times/><ci>k2</ci><ci>B</ci></apply></math></kineticLaw>
                      </reaction>
                    </listOfReactions>
                  </model>
                </sbml>
                """.replace("MATH", math));
        Files.writeString(dir.resolve("parameters.tsv"), """
                parameterId\tparameterScale\tlowerBound\tupperBound\tnominalValue\testimate
                k\tlog10\t0.001\t1000\t0.5\t1
                k2\tlog10\t0.001\t1000\t0.3\t1
                p_pre\tlin\t0\t10\t2\t1
                p_sim\tlin\t0\t10\t0.4\t1
                sigma\tlog10\t0.001\t10\t0.2\t1
                """);
        Files.writeString(dir.resolve("conditions.tsv"), """
                conditionId\tp\tB
                pre\tp_pre\t1
                sim\tp_sim\t3
                """);
        Files.writeString(dir.resolve("observables.tsv"), """
                observableId\tobservableFormula\tnoiseFormula\tobservableTransformation\tnoiseDistribution
                obs_A\tA\tnoiseParameter1_obs_A\tlin\tnormal
                obs_B\tB\tnoiseParameter1_obs_B\tlin\tnormal
                """);
        StringBuilder ms = new StringBuilder("observableId\tpreequilibrationConditionId\tsimulationConditionId\tmeasurement\ttime"
                + "\tobservableParameters\tnoiseParameters\n");
        for (Map.Entry<String, double[]> e : Map.of("obs_A", DATA_A, "obs_B", DATA_B).entrySet()) {
            for (int i = 0; i < TIMES.length; i++) {
                ms.append(e.getKey()).append("\tpre\tsim\t").append(e.getValue()[i]).append('\t').append(TIMES[i])
                        .append("\t\tsigma\n");
            }
        }
        Files.writeString(dir.resolve("measurements.tsv"), ms.toString());
        Files.writeString(dir.resolve("problem.yaml"), """
                format_version: 1
                parameter_file: parameters.tsv
                problems:
                - condition_files:
                  - conditions.tsv
                  measurement_files:
                  - measurements.tsv
                  observable_files:
                  - observables.tsv
                  sbml_files:
                  - model.xml
                """);
        return dir.resolve("problem.yaml");
    }
}
