package dev.fixpoint.bio.petab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fixpoint.bio.ode.OdeOptions;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The negative log-likelihood at nominal parameters equals the benchmark collection's reference values. */
class PetabObjectiveTest {

    private static final Logger RESULTS = LoggerFactory.getLogger("dev.fixpoint.results");
    /** The project's copy of ../shared/data/petab (the four benchmark problems the program ships with). */
    static final Path DATA = Path.of("src", "main", "resources", "dev", "fixpoint", "bio", "petab", "benchmark").toAbsolutePath();

    @ParameterizedTest
    @CsvSource({"Boehm_JProteomeRes2014, 138.2220", "Crauste_CellSystems2017, 190.964", "Zheng_PNAS2012, -278.3335"})
    void nominalNllMatchesReference(String problem, double reference) {
        PetabProblem p = PetabProblem.load(DATA.resolve(problem).resolve(problem + ".yaml"));
        long t0 = System.nanoTime();
        double nll = new PetabObjective(p).atNominal();
        RESULTS.info("petab {}: NLL at nominal = {} (reference {}, |Δ| = {}), {} ms", problem, nll, reference,
                Math.abs(nll - reference), (System.nanoTime() - t0) / 1_000_000);
        assertEquals(reference, nll, 1e-3, problem);
    }

    /**
     * Known gap: Fujita gives −53.08377, 0.0037 above AMICI's −53.0875 (d2d's −2 log L gives −53.0923), and the value
     * does not move with the tolerances (rtol 1e-6 … 1e-12 change it by &lt; 2e-4), so it is a convention
     * difference not yet found, not integration error. Asserted here: tolerance-independence only (the reference is
     * not met, so it is not asserted; the value is logged). Ruled out: integration (RODAS4 and DOPRI5 at rtol 1e-11
     * agree on every state to 5e-9 relative, condition step_10_0); events, function definitions, rules on species (none
     * in the SBML); initial assignments (EGFR, Akt, S6 = init_* from the parameter table); the EGF switch at EGF_end =
     * 3600 (the last measurement time; observables do not depend on EGF); the 18 measurements at t = 0; noise (all σ
     * numeric from the measurement table, normal, lin: Σ ½ log 2πσ² = −433.6165). Our χ² is 761.0655, AMICI's implied
     * 761.0581, d2d's 761.0486: the tools also disagree with each other. At the nominal values our gradient norm is
     * 5.3 (scaling factors 0.35–0.61 on log10), so the published optimum is not a stationary point of this objective.
     */
    @Test
    void fujitaNllIsConvergedButNotYetTheReference() {
        String problem = "Fujita_SciSignal2010";
        PetabProblem p = PetabProblem.load(DATA.resolve(problem).resolve(problem + ".yaml"));
        double nll = new PetabObjective(p).atNominal();
        double tight = new PetabObjective(p).options(OdeOptions.defaults().withTolerances(1e-10, 1e-14)).atNominal();
        RESULTS.info("petab {}: NLL at nominal = {} (rtol 1e-8), {} (rtol 1e-10); reference -53.0875, |Δ| = {}", problem,
                nll, tight, Math.abs(nll + 53.0875));
        assertEquals(tight, nll, 1e-5);
    }
}
