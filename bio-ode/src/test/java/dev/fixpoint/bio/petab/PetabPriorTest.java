package dev.fixpoint.bio.petab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.bio.GradientMethod;
import dev.fixpoint.core.FixpointException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * PEtab objective priors: closed forms and derivatives of every type on every parameter scale, parsing from the
 * parameter table (objectivePriorType/objectivePriorParameters and the older priorType/priorParameters), their
 * contribution to value and gradient, and errors naming file, line and column.
 */
class PetabPriorTest {

    @ParameterizedTest
    @CsvSource({"uniform, 0.5, 4, LOG10", "normal, 1.5, 0.7, LOG", "laplace, 1.0, 0.3, LIN", "logNormal, 0.2, 0.5, LOG10",
            "logLaplace, 0.1, 0.8, LOG", "parameterScaleUniform, -1, 2, LOG10", "parameterScaleNormal, 0.1, 0.4, LOG10",
            "parameterScaleLaplace, 0.5, 2, LOG"})
    void densityAndDerivative(String name, double a, double b, PetabProblem.Scale scale) {
        PetabPrior prior = new PetabPrior(PetabPrior.Type.of(name), a, b);
        double theta = scale.toScale(1.3);
        double[] d = new double[1];
        double v = prior.negLogDensity(theta, scale, d);
        double x = prior.type().name().startsWith("PARAMETER_SCALE") ? theta : 1.3;
        double expected = switch (prior.type()) {
            case UNIFORM, PARAMETER_SCALE_UNIFORM -> Math.log(b - a);
            case NORMAL, PARAMETER_SCALE_NORMAL -> 0.5 * Math.log(2 * Math.PI * b * b) + 0.5 * Math.pow((x - a) / b, 2);
            case LAPLACE, PARAMETER_SCALE_LAPLACE -> Math.log(2 * b) + Math.abs(x - a) / b;
            case LOG_NORMAL -> Math.log(x) + 0.5 * Math.log(2 * Math.PI * b * b) + 0.5 * Math.pow((Math.log(x) - a) / b, 2);
            case LOG_LAPLACE -> Math.log(2 * b * x) + Math.abs(Math.log(x) - a) / b;
        };
        assertEquals(expected, v, 1e-12, name);
        double h = 1e-6;
        double fd = (prior.negLogDensity(theta + h, scale, null) - prior.negLogDensity(theta - h, scale, null)) / (2 * h);
        assertEquals(fd, d[0], 1e-7 * Math.max(1, Math.abs(fd)), name + " derivative");
    }

    @Test
    void uniformIsInfiniteOutsideItsSupport() {
        PetabPrior prior = new PetabPrior(PetabPrior.Type.UNIFORM, 1, 2);
        assertEquals(Double.POSITIVE_INFINITY, prior.negLogDensity(Math.log10(3), PetabProblem.Scale.LOG10, null));
    }

    @Test
    void priorsFromTheTableEnterValueAndGradient(@TempDir Path dir) throws IOException {
        String name = "Boehm_JProteomeRes2014";
        copy(name, dir, "objectivePriorType\tobjectivePriorParameters",
                List.of("parameterScaleNormal\t-1;0.5", "logNormal\t-2;1", "uniform\t", "laplace\t0.1;2"));
        PetabProblem withPriors = PetabProblem.load(dir.resolve(name + ".yaml"));
        assertEquals(4, withPriors.priors().size());
        PetabObjective f = new PetabObjective(withPriors);
        PetabObjective plain = new PetabObjective(PetabProblem.load(PetabObjectiveTest.DATA.resolve(name).resolve(name + ".yaml")));
        double[] th = f.nominalScaled();
        int n = th.length;
        double[] gp = new double[n];
        double prior = f.negLogPrior(th, gp);
        assertTrue(prior != 0 && Double.isFinite(prior));
        assertEquals(plain.value(th) + prior, f.value(th), 1e-9);
        double[] g = new double[n];
        double[] g0 = new double[n];
        assertEquals(f.value(th), f.gradient(th, GradientMethod.ADJOINT, g), 1e-6);
        plain.gradient(th, GradientMethod.ADJOINT, g0);
        for (int i = 0; i < n; i++) {
            g0[i] += gp[i];
        }
        assertArrayEquals(g0, g, 1e-9);
        for (int i = 0; i < 4; i++) {
            double h = 1e-6;
            double[] p = th.clone();
            p[i] += h;
            double up = f.negLogPrior(p, null);
            p[i] -= 2 * h;
            double down = f.negLogPrior(p, null);
            assertEquals((up - down) / (2 * h), gp[i], 1e-6 * Math.max(1, Math.abs(gp[i])), "prior derivative " + i);
        }
        FixpointException e = assertThrows(FixpointException.class, f::residualCount);
        assertEquals("NotLeastSquares", e.id());
        // hierarchical mode: priors of outer parameters are part of its value; a parameter with a prior is not inner
        HierarchicalObjective h = HierarchicalObjective.auto(f);
        assertEquals(List.of("sd_pSTAT5A_rel", "sd_pSTAT5B_rel", "sd_rSTAT5A_rel"), h.inner());
        double[] outer = h.nominalOuter();
        assertEquals(f.value(h.full(outer)), h.value(outer), 1e-9);
        FixpointException notInner = assertThrows(FixpointException.class,
                () -> HierarchicalObjective.of(f, List.of("Epo_degradation_BaF3")));
        assertTrue(notInner.getMessage().contains("prior"), notInner.getMessage());
    }

    @Test
    void olderPriorColumnsAreRead(@TempDir Path dir) throws IOException {
        String name = "Boehm_JProteomeRes2014";
        copy(name, dir, "priorType\tpriorParameters", List.of("parameterScaleUniform\t"));
        PetabProblem p = PetabProblem.load(dir.resolve(name + ".yaml"));
        PetabPrior prior = p.priors().values().iterator().next();
        PetabProblem.Parameter par = p.parameters().values().iterator().next();
        assertEquals(PetabPrior.Type.PARAMETER_SCALE_UNIFORM, prior.type());
        assertEquals(par.scale().toScale(par.lower()), prior.first(), 1e-12);
        assertEquals(par.scale().toScale(par.upper()), prior.second(), 1e-12);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"gamma\t1;2|objectivePriorType|'gamma' is not one of",
            "normal\t1;x|objectivePriorParameters|must be two numbers",
            "normal\t1|objectivePriorParameters|must be two numbers",
            "laplace\t0;-1|objectivePriorParameters|scale > 0"})
    void badPriorsNameFileLineAndColumn(String cells, String column, String reason, @TempDir Path dir) throws IOException {
        String name = "Boehm_JProteomeRes2014";
        copy(name, dir, "objectivePriorType\tobjectivePriorParameters", List.of("", cells));
        FixpointException e = assertThrows(FixpointException.class, () -> PetabProblem.load(dir.resolve(name + ".yaml")));
        assertEquals("BadPetab", e.id());
        assertTrue(e.getMessage().contains("parameters_" + name + ".tsv: line 3, column '" + column + "'"), e.getMessage());
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    /** Copies a problem, appending two prior columns to its parameter table (cells for the first rows, "" after). */
    private static void copy(String name, Path dir, String header, List<String> cells) throws IOException {
        try (Stream<Path> files = Files.list(PetabObjectiveTest.DATA.resolve(name))) {
            for (Path p : files.toList()) {
                Files.copy(p, dir.resolve(p.getFileName()));
            }
        }
        Path params = dir.resolve("parameters_" + name + ".tsv");
        List<String> lines = Files.readAllLines(params);
        List<String> out = new ArrayList<>();
        out.add(lines.get(0) + "\t" + header);
        for (int i = 1; i < lines.size(); i++) {
            String c = i - 1 < cells.size() ? cells.get(i - 1) : "";
            out.add(lines.get(i) + "\t" + (c.isEmpty() ? "\t" : c));
        }
        Files.write(params, out);
    }
}
