package dev.fixpoint.bio.petab;

import dev.fixpoint.core.FixpointException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The four problems of the PEtab benchmark collection that the program ships with (Boehm_JProteomeRes2014,
 * Crauste_CellSystems2017, Fujita_SciSignal2010, Zheng_PNAS2012; CC-BY licensed, see the LICENSE file next to them)
 * and their reference negative log-likelihoods at the nominal parameters (from {@code reference_values.tsv}: AMICI's
 * benchmark values, sign-corrected). The files live on the class path under
 * {@code dev/fixpoint/bio/petab/benchmark/}; {@link #extract} copies one problem to a folder so that
 * {@link PetabProblem#load} can read it.
 */
public final class BenchmarkProblems {

    private static final String ROOT = "/dev/fixpoint/bio/petab/benchmark/";

    private BenchmarkProblems() {
    }

    /** @return the names of the built-in problems, in the order of the reference table */
    public static List<String> names() {
        return new ArrayList<>(references().keySet());
    }

    /** @return reference NLL at nominal parameters by problem name (from reference_values.tsv) */
    public static Map<String, Double> references() {
        Map<String, Double> ref = new LinkedHashMap<>();
        List<String> lines = lines("reference_values.tsv");
        String[] header = lines.get(0).split("\t", -1);
        int col = List.of(header).indexOf("NLL_at_nominal");
        for (String line : lines.subList(1, lines.size())) {
            if (!line.isBlank()) {
                String[] f = line.split("\t", -1);
                ref.put(f[0], Double.parseDouble(f[col]));
            }
        }
        return ref;
    }

    /** @return whether {@code name} is a built-in problem */
    public static boolean isBuiltIn(String name) {
        return references().containsKey(name);
    }

    /**
     * Copies a built-in problem's files into {@code directory/name/} (atomically per file) and loads it.
     *
     * @param name      a built-in problem name ({@link #names()})
     * @param directory folder to copy into (created if missing)
     * @return the loaded problem
     */
    public static PetabProblem extract(String name, Path directory) {
        if (!isBuiltIn(name)) {
            throw new FixpointException("PetabProblem", "'" + name + "' is not a built-in problem; built-in: " + names()
                    + " (or give the path of a PEtab YAML file)");
        }
        Path dir = directory.resolve(name);
        try {
            Files.createDirectories(dir);
            for (String file : lines("files.txt")) {
                if (!file.startsWith(name + "/")) {
                    continue;
                }
                Path target = dir.resolve(file.substring(name.length() + 1));
                Path tmp = Files.createTempFile(dir, ".extract", ".tmp");
                try (InputStream in = stream(file)) {
                    Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                }
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("copying built-in PEtab problem " + name + " to " + dir, e);
        }
        return PetabProblem.load(dir.resolve(name + ".yaml"));
    }

    /**
     * @param nameOrYaml a built-in problem name or the path of a PEtab YAML file
     * @param scratch    where built-in problems are copied to
     * @return the loaded problem
     */
    public static PetabProblem resolve(String nameOrYaml, Path scratch) {
        return isBuiltIn(nameOrYaml) ? extract(nameOrYaml, scratch) : PetabProblem.load(Path.of(nameOrYaml));
    }

    private static InputStream stream(String resource) {
        InputStream in = BenchmarkProblems.class.getResourceAsStream(ROOT + resource);
        if (in == null) {
            throw new IllegalStateException("built-in PEtab resource missing from the class path: " + ROOT + resource);
        }
        return in;
    }

    private static List<String> lines(String resource) {
        try (InputStream in = stream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
