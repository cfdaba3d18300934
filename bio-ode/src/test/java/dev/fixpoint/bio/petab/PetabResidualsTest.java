package dev.fixpoint.bio.petab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.bio.GradientMethod;
import dev.fixpoint.bio.ode.OdeOptions;
import dev.fixpoint.core.FixpointException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Least-squares residuals of the PEtab NLL: ½‖r‖² + residualConstant() equals the NLL (≤ 1e-9 relative), the
 * forward-sensitivity Jacobian equals fourth-order central differences of r (step 1e-4 on the scale; Frobenius-norm
 * relative difference ≤ 1e-5), and Jᵀr equals the forward-sensitivity gradient of the NLL (≤ 1e-6 relative), at the
 * nominal parameters (NLL identity only for Crauste, whose optimum is next to a blow-up) and at a seeded random point
 * (uniform within ±1 of the nominal on the scale, clipped to the bounds).
 */
class PetabResidualsTest {

    private static final Logger RESULTS = LoggerFactory.getLogger("dev.fixpoint.results");

    @ParameterizedTest
    @CsvSource({"Boehm_JProteomeRes2014, false, true", "Boehm_JProteomeRes2014, true, true",
            "Crauste_CellSystems2017, false, false", "Crauste_CellSystems2017, true, true",
            "Fujita_SciSignal2010, false, true", "Fujita_SciSignal2010, true, true",
            "Zheng_PNAS2012, true, true"})
    void residualsJacobianAndGradientAgree(String name, boolean random, boolean checkJacobian) {
        PetabProblem problem = PetabProblem.load(PetabObjectiveTest.DATA.resolve(name).resolve(name + ".yaml"));
        PetabObjective f = new PetabObjective(problem).options(OdeOptions.defaults().withTolerances(1e-10, 1e-14));
        double[] th = f.nominalScaled();
        int n = th.length;
        if (random) {
            Random rng = new Random(42);
            for (int i = 0; i < n; i++) {
                PetabProblem.Parameter par = problem.parameters().get(f.estimated().get(i));
                double a = Math.max(par.scale().toScale(par.lower()), th[i] - 1);
                double b = Math.min(par.scale().toScale(par.upper()), th[i] + 1);
                th[i] = a + (b - a) * rng.nextDouble();
            }
        }
        int m = f.residualCount();
        double[] r = new double[m];
        double[][] jac = new double[m][n];
        double value = f.value(th);
        double fromResiduals = f.residuals(th, r, checkJacobian ? jac : null);
        double half = 0;
        for (double v : r) {
            half += 0.5 * v * v;
        }
        assertEquals(value, half + f.residualConstant(), 1e-9 * Math.abs(value), "½‖r‖² + constant vs NLL");
        assertEquals(value, fromResiduals, 1e-9 * Math.abs(value), "returned NLL");
        if (!checkJacobian) {
            RESULTS.info("petab residuals {} ({}): {} residuals ({} measurements), C {}, |½‖r‖²+c − NLL| {}", name,
                    random ? "random point" : "nominal", m, problem.measurements().size(), f.errorModelConstant(),
                    Math.abs(half + f.residualConstant() - value));
            return;
        }
        double h = 1e-4;
        double diff = 0;
        double norm = 0;
        double[][] rs = new double[4][m];
        for (int i = 0; i < n; i++) {
            double[] steps = {h, -h, 2 * h, -2 * h};
            for (int j = 0; j < 4; j++) {
                double[] p = th.clone();
                p[i] += steps[j];
                f.residuals(p, rs[j], null);
            }
            for (int k = 0; k < m; k++) {
                double fd = (8 * (rs[0][k] - rs[1][k]) - (rs[2][k] - rs[3][k])) / (12 * h);
                diff += (fd - jac[k][i]) * (fd - jac[k][i]);
                norm += fd * fd;
            }
        }
        double jacRel = Math.sqrt(diff / norm);
        double[] g = new double[n];
        f.gradient(th, GradientMethod.FORWARD, g);
        double gd = 0;
        double gn = 0;
        for (int i = 0; i < n; i++) {
            double jtr = 0;
            for (int k = 0; k < m; k++) {
                jtr += jac[k][i] * r[k];
            }
            gd += (jtr - g[i]) * (jtr - g[i]);
            gn += g[i] * g[i];
        }
        double gradRel = Math.sqrt(gd / gn);
        RESULTS.info("petab residuals {} ({}): {} residuals ({} measurements), C {}, |½‖r‖²+c − NLL| {}; rel ‖J − FD‖ {};"
                        + " rel ‖Jᵀr − ∇NLL‖ {}", name, random ? "random point" : "nominal", m, problem.measurements().size(),
                f.errorModelConstant(), Math.abs(half + f.residualConstant() - value), jacRel, gradRel);
        assertTrue(jacRel <= 1e-5, "J vs FD " + jacRel);
        assertTrue(gradRel <= 1e-6, "Jᵀr vs gradient " + gradRel);
    }

    @Test
    void laplaceNoiseIsNotLeastSquares(@TempDir Path dir) throws IOException {
        String name = "Crauste_CellSystems2017";
        Path src = PetabObjectiveTest.DATA.resolve(name);
        try (Stream<Path> files = Files.list(src)) {
            for (Path p : files.toList()) {
                String text = Files.readString(p);
                if (p.getFileName().toString().startsWith("observables")) {
                    text = text.replace("\tnormal", "\tlaplace");
                }
                Files.writeString(dir.resolve(p.getFileName()), text);
            }
        }
        PetabObjective f = new PetabObjective(PetabProblem.load(dir.resolve(name + ".yaml")));
        FixpointException e = assertThrows(FixpointException.class, f::residualCount);
        assertEquals("NotLeastSquares", e.id());
        assertTrue(e.getMessage().contains("observable_"), e.getMessage());
    }
}
