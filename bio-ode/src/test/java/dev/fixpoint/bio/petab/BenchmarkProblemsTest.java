package dev.fixpoint.bio.petab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.core.FixpointException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built-in problem catalogue: its file index matches the shipped files, and an extracted problem loads. */
class BenchmarkProblemsTest {

    @Test
    void indexListsExactlyTheShippedProblemFiles() throws IOException {
        List<String> index = Files.readAllLines(PetabObjectiveTest.DATA.resolve("files.txt"));
        List<String> shipped;
        try (Stream<Path> s = Files.walk(PetabObjectiveTest.DATA, 2)) {
            shipped = s.filter(p -> p.getParent() != null && !p.getParent().equals(PetabObjectiveTest.DATA)
                            && Files.isRegularFile(p))
                    .map(p -> PetabObjectiveTest.DATA.relativize(p).toString().replace('\\', '/')).sorted().toList();
        }
        assertEquals(shipped, index.stream().sorted().toList());
        assertEquals(List.of("Boehm_JProteomeRes2014", "Crauste_CellSystems2017", "Fujita_SciSignal2010", "Zheng_PNAS2012"),
                BenchmarkProblems.names());
        assertEquals(138.2220, BenchmarkProblems.references().get("Boehm_JProteomeRes2014"), 0);
    }

    @Test
    void extractedProblemLoadsAndUnknownNamesAreRejected(@TempDir Path dir) {
        PetabProblem p = BenchmarkProblems.extract("Boehm_JProteomeRes2014", dir);
        assertEquals(48, p.measurements().size());
        assertTrue(Files.exists(dir.resolve("Boehm_JProteomeRes2014").resolve("model_Boehm_JProteomeRes2014.xml")));
        FixpointException e = assertThrows(FixpointException.class, () -> BenchmarkProblems.resolve("Nope_2020", dir));
        assertTrue(e.getMessage().contains("Nope_2020"), e.getMessage());
    }
}
