package dev.fixpoint.bio.petab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The negative log-likelihood at nominal parameters equals the benchmark collection's reference values. */
class PetabObjectiveTest {

    private static final Logger RESULTS = LoggerFactory.getLogger("dev.fixpoint.results");
    static final Path DATA = Path.of("..", "..", "shared", "data", "petab").toAbsolutePath().normalize();

    @ParameterizedTest
    @CsvSource({"Boehm_JProteomeRes2014, 138.2220", "Crauste_CellSystems2017, 190.964",
            "Fujita_SciSignal2010, -53.0875", "Zheng_PNAS2012, -278.3335"})
    void nominalNllMatchesReference(String problem, double reference) {
        PetabProblem p = PetabProblem.load(DATA.resolve(problem).resolve(problem + ".yaml"));
        long t0 = System.nanoTime();
        double nll = new PetabObjective(p).atNominal();
        RESULTS.info("petab {}: NLL at nominal = {} (reference {}, |Δ| = {}), {} ms", problem, nll, reference,
                Math.abs(nll - reference), (System.nanoTime() - t0) / 1_000_000);
        assertEquals(reference, nll, 1e-3, problem);
    }
}
