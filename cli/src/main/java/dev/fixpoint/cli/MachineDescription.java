package dev.fixpoint.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The machine a measurement or demo ran on: cores, CPU model (from {@code /proc/cpuinfo} where
 * readable), Java, operating system and {@code OPENBLAS_CORETYPE}. Benchmark figures are only
 * comparable together with this line.
 *
 * @param cores            available processors
 * @param cpu              CPU model name, or the architecture when unknown
 * @param java             Java version and vendor
 * @param os               operating system name, version and architecture
 * @param openblasCoretype value of {@code OPENBLAS_CORETYPE}, or {@code "unset"}
 */
record MachineDescription(int cores, String cpu, String java, String os, String openblasCoretype) {

    /** @return the description of the running machine */
    static MachineDescription current() {
        String coretype = System.getenv("OPENBLAS_CORETYPE");
        return new MachineDescription(Runtime.getRuntime().availableProcessors(),
                cpuModel(Path.of("/proc/cpuinfo")),
                System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"),
                coretype == null || coretype.isBlank() ? "unset" : coretype);
    }

    /** @return the first {@code model name} in a cpuinfo file, or {@code os.arch} if unreadable */
    static String cpuModel(Path cpuinfo) {
        try (Stream<String> lines = Files.lines(cpuinfo)) {
            return lines.filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip())
                    .filter(s -> !s.isEmpty())
                    .findFirst().orElse(System.getProperty("os.arch"));
        } catch (IOException | RuntimeException e) {
            return Objects.toString(System.getProperty("os.arch"), "unknown CPU");
        }
    }

    /** @return one line, e.g. {@code "2 cores, AMD EPYC, Java 17.0.15 (Debian), Linux 6.1 amd64, OPENBLAS_CORETYPE=Haswell"} */
    String line() {
        return cores + " cores, " + cpu + ", Java " + java + ", " + os + ", OPENBLAS_CORETYPE=" + openblasCoretype;
    }
}
