package dev.fixpoint.bio.sbml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.bio.CompiledNetwork;
import dev.fixpoint.bio.ReactionNetwork;
import dev.fixpoint.bio.Simulation;
import dev.fixpoint.bio.Simulator;
import dev.fixpoint.core.FixpointException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The four benchmark models load and simulate; unsupported constructs are named. */
class SbmlImporterTest {

    /** The project's copy of ../shared/data/petab (the four benchmark problems the program ships with). */
    static final Path DATA = Path.of("src", "main", "resources", "dev", "fixpoint", "bio", "petab", "benchmark").toAbsolutePath();

    static Path model(String problem) {
        return DATA.resolve(problem).resolve("model_" + problem + ".xml");
    }

    @ParameterizedTest
    @CsvSource({"Boehm_JProteomeRes2014, 8, 9, 240", "Crauste_CellSystems2017, 5, 12, 25",
            "Fujita_SciSignal2010, 9, 11, 3600", "Zheng_PNAS2012, 15, 60, 5"})
    void benchmarkModelLoadsAndSimulates(String problem, int species, int reactions, double tEnd) {
        ReactionNetwork rn = SbmlImporter.read(model(problem));
        assertEquals(species, rn.species().size());
        assertEquals(reactions, rn.reactions().size());
        CompiledNetwork net = rn.compile();
        Simulation s = Simulator.of(net).simulate(net.nominalParameters(), new double[]{0, tEnd / 2, tEnd});
        for (double[] x : s.states()) {
            for (double v : x) {
                assertTrue(Double.isFinite(v), problem + ": non-finite state");
            }
        }
    }

    /**
     * A time-triggered event (A decays at rate k; at t = 1 it is set to A + 2) is imported as a time event: A(2) equals
     * the exact solution (e^{-k} + 2) e^{-k}; a state-triggered event is named as unsupported.
     */
    @Test
    void timeTriggeredEventsAreImportedAndStateTriggeredOnesNamed(@TempDir Path dir) throws Exception {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <sbml xmlns="http://www.sbml.org/sbml/level3/version1/core" level="3" version="1">
                  <model id="m">
                    <listOfCompartments><compartment id="c" size="1" constant="true"/></listOfCompartments>
                    <listOfSpecies><species id="A" compartment="c" initialConcentration="1" hasOnlySubstanceUnits="false"
                      boundaryCondition="false" constant="false"/></listOfSpecies>
                    <listOfParameters><parameter id="k" value="0.5" constant="true"/>
                      <parameter id="tk" value="1" constant="true"/></listOfParameters>
                    <listOfReactions><reaction id="d" reversible="false"><listOfReactants>
                      <speciesReference species="A" stoichiometry="1" constant="true"/></listOfReactants>
                      <kineticLaw><math xmlns="http://www.w3.org/1998/Math/MathML"><apply><times/><ci>c</ci><ci>k</ci><ci>A</ci></apply></math></kineticLaw>
                    </reaction></listOfReactions>
                    <listOfEvents><event id="e1" useValuesFromTriggerTime="true">
                      <trigger initialValue="false" persistent="true"><math xmlns="http://www.w3.org/1998/Math/MathML">
                        <apply><geq/><csymbol encoding="text" definitionURL="http://www.sbml.org/sbml/symbols/time">t</csymbol><ci>tk</ci></apply></math></trigger>
                      <listOfEventAssignments><eventAssignment variable="A"><math xmlns="http://www.w3.org/1998/Math/MathML">
                        <apply><plus/><ci>A</ci><cn>2</cn></apply></math></eventAssignment></listOfEventAssignments>
                    </event></listOfEvents>
                  </model>
                </sbml>
                """;
        Path f = dir.resolve("time-event.xml");
        Files.writeString(f, xml);
        var net = SbmlImporter.read(f).compile();
        double[] x = dev.fixpoint.bio.Simulator.of(net).options(dev.fixpoint.bio.ode.OdeOptions.defaults().withTolerances(1e-10, 1e-12))
                .simulate(net.nominalParameters(), new double[]{2}).states()[0];
        assertEquals((Math.exp(-0.5) + 2) * Math.exp(-0.5), x[0], 1e-8);
        Path g = dir.resolve("state-event.xml");
        Files.writeString(g, xml.replace("<csymbol encoding=\"text\" definitionURL=\"http://www.sbml.org/sbml/symbols/time\">t</csymbol>", "<ci>A</ci>"));
        FixpointException e = assertThrows(FixpointException.class, () -> SbmlImporter.read(g));
        assertTrue(e.getMessage().startsWith("[fixpoint/UnsupportedSbml] state-event.xml: event 'e1'"), e.getMessage());
    }

    @Test
    void unsupportedEventsAndBadXmlAreNamed(@TempDir Path dir) throws Exception {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <sbml xmlns="http://www.sbml.org/sbml/level3/version1/core" level="3" version="1">
                  <model id="m">
                    <listOfCompartments><compartment id="c" size="1" constant="true"/></listOfCompartments>
                    <listOfSpecies><species id="A" compartment="c" initialConcentration="1" hasOnlySubstanceUnits="false"
                      boundaryCondition="false" constant="false"/></listOfSpecies>
                    <listOfEvents><event id="e1" useValuesFromTriggerTime="true">
                      <delay><math xmlns="http://www.w3.org/1998/Math/MathML"><cn>1</cn></math></delay>
                      <trigger initialValue="false" persistent="true"><math xmlns="http://www.w3.org/1998/Math/MathML">
                        <apply><gt/><csymbol encoding="text" definitionURL="http://www.sbml.org/sbml/symbols/time">t</csymbol><cn>1</cn></apply></math></trigger>
                      <listOfEventAssignments><eventAssignment variable="A"><math xmlns="http://www.w3.org/1998/Math/MathML"><cn>2</cn></math></eventAssignment></listOfEventAssignments>
                    </event></listOfEvents>
                  </model>
                </sbml>
                """;
        Path f = dir.resolve("ev.xml");
        Files.writeString(f, xml);
        FixpointException e = assertThrows(FixpointException.class, () -> SbmlImporter.read(f));
        assertTrue(e.getMessage().startsWith("[fixpoint/UnsupportedSbml] ev.xml: event 'e1' with a delay or priority"),
                e.getMessage());
        Path bad = dir.resolve("bad.xml");
        Files.writeString(bad, "<sbml><model");
        FixpointException b = assertThrows(FixpointException.class, () -> SbmlImporter.read(bad));
        assertTrue(b.getMessage().startsWith("[fixpoint/BadSbml] bad.xml"), b.getMessage());
    }
}
