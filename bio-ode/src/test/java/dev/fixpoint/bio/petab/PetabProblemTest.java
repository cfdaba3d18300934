package dev.fixpoint.bio.petab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.core.FixpointException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tables are read as PEtab defines them; bad files name the file, line and column. */
class PetabProblemTest {

    static final String BOEHM = "Boehm_JProteomeRes2014";

    static Path copyBoehm(Path dir) throws IOException {
        Path src = PetabObjectiveTest.DATA.resolve(BOEHM);
        try (var files = Files.list(src)) {
            for (Path f : files.toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        return dir.resolve(BOEHM + ".yaml");
    }

    @Test
    void boehmTablesAreRead() {
        PetabProblem p = PetabProblem.load(PetabObjectiveTest.DATA.resolve(BOEHM).resolve(BOEHM + ".yaml"));
        assertEquals(48, p.measurements().size());
        assertEquals(3, p.observables().size());
        PetabProblem.Parameter k = p.parameters().get("k_exp_hetero");
        assertEquals(PetabProblem.Scale.LOG10, k.scale());
        assertEquals(1e-5, k.lower());
        assertTrue(k.estimate());
        assertEquals(List.of("sd_pSTAT5A_rel"), p.measurements().get(0).noiseParameters());
        assertEquals(Math.log10(2.5), PetabProblem.Scale.LOG10.toScale(2.5), 1e-15);
        assertEquals(2.5, PetabProblem.Scale.LOG.fromScale(Math.log(2.5)), 1e-15);
    }

    @Test
    void badNumberNamesFileLineAndColumn(@TempDir Path dir) throws IOException {
        Path yaml = copyBoehm(dir);
        Path m = dir.resolve("measurementData_" + BOEHM + ".tsv");
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(m));
        lines.set(3, lines.get(3).replace("\t2.5\t", "\t2.5x\t").replaceFirst("\t5\\.0\t", "\t5.0x\t"));
        Files.write(m, lines);
        FixpointException e = assertThrows(FixpointException.class, () -> PetabProblem.load(yaml));
        assertTrue(e.getMessage().startsWith("[fixpoint/BadPetab] measurementData_" + BOEHM + ".tsv: line 4, column 'time': '"),
                e.getMessage());
    }

    @Test
    void missingColumnAndUnknownIdsAreNamed(@TempDir Path dir) throws IOException {
        Path yaml = copyBoehm(dir);
        Path o = dir.resolve("observables_" + BOEHM + ".tsv");
        String text = Files.readString(o);
        Files.writeString(o, text.replace("noiseFormula", "noiseFormulaX"));
        FixpointException e = assertThrows(FixpointException.class, () -> PetabProblem.load(yaml));
        assertTrue(e.getMessage().contains("observables_" + BOEHM + ".tsv: line 1: missing column 'noiseFormula'"), e.getMessage());
        Files.writeString(o, text.replace("pSTAT5A_rel\t", "pSTAT5A_relX\t"));
        e = assertThrows(FixpointException.class, () -> PetabProblem.load(yaml));
        assertTrue(e.getMessage().contains("line 2, column 'observableId': unknown observable 'pSTAT5A_rel'"), e.getMessage());
    }

    /** Seeded random mutation of the real files: only the documented FixpointException may escape. */
    @Test
    void mutatedFilesGiveOnlyDocumentedErrors(@TempDir Path dir) throws IOException {
        Path yaml = copyBoehm(dir);
        Random rnd = new Random(42);
        String[] tables = {"measurementData_", "parameters_", "observables_", "experimentalCondition_"};
        String alphabet = "\t\n;x-.e0NaN ";
        int rejected = 0;
        for (int trial = 0; trial < 200; trial++) {
            Path f = dir.resolve(tables[trial % tables.length] + BOEHM + ".tsv");
            Path orig = PetabObjectiveTest.DATA.resolve(BOEHM).resolve(f.getFileName());
            StringBuilder s = new StringBuilder(Files.readString(orig));
            for (int k = 0; k < 1 + rnd.nextInt(3); k++) {
                int pos = rnd.nextInt(s.length());
                switch (rnd.nextInt(3)) {
                    case 0 -> s.deleteCharAt(pos);
                    case 1 -> s.insert(pos, alphabet.charAt(rnd.nextInt(alphabet.length())));
                    default -> s.setCharAt(pos, alphabet.charAt(rnd.nextInt(alphabet.length())));
                }
            }
            Files.writeString(f, s);
            try {
                PetabProblem.load(yaml);
            } catch (FixpointException e) {
                assertTrue(e.getMessage().startsWith("[fixpoint/BadPetab] "), e.getMessage());
                rejected++;
            }
            Files.copy(orig, f, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        assertTrue(rejected > 20, "only " + rejected + " of 200 mutations were rejected");
    }
}
