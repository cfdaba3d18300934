package dev.fixpoint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.linalg.Backends;
import dev.fixpoint.core.spi.LinearAlgebraBackend;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlasBenchCommandTest {
    @TempDir
    Path tmp;

    @Test
    void tinySizesGivePositiveGflopsRowsAndACsv() throws Exception {
        Path csv = tmp.resolve("blas.csv");
        CliRun r = CliRun.of("bench", "blas", "--sizes", "16,32", "--backends", "java", "--budget", "0.2",
                "--out", csv.toString());
        assertEquals(0, r.exit(), r::toString);
        Matcher m = Pattern.compile("(?m)^java\\s+(dgemm|dgemv)\\s+(16|32)\\s+([0-9.]+)\\s").matcher(r.out());
        int rows = 0;
        while (m.find()) {
            assertTrue(Double.parseDouble(m.group(3)) > 0, r::toString);
            rows++;
        }
        assertEquals(4, rows, r::toString);
        assertTrue(r.out().contains("machine: ") && r.out().contains("cores"), r::toString);
        List<String> lines = Files.readAllLines(csv);
        assertEquals(5, lines.size(), lines::toString);
        assertTrue(lines.get(0).startsWith("provider,routine,n,gflops,best_seconds"), lines::toString);
        assertTrue(lines.get(1).startsWith("java,dgemm,16,"), lines::toString);
    }

    @Test
    void severalBackendsAreEachMeasuredInTheirOwnJvm() {
        List<String> available = Backends.select(null, getClass().getClassLoader()).availableNames();
        List<String> two = available.subList(Math.max(0, available.size() - 2), available.size()); // jblas, java if present
        CliRun r = CliRun.of("bench", "blas", "--sizes", "8", "--backends", String.join(",", two), "--budget", "0.05");
        assertEquals(0, r.exit(), r::toString);
        for (String b : two) {
            assertTrue(Pattern.compile("(?m)^" + b + "\\s+dgemm\\s+8\\s+[0-9.]+").matcher(r.out()).find(), r::toString);
        }
    }

    @Test
    void childCsvRowsAreParsedBack() {
        List<BlasThroughput.Measurement> m = IsolatedBench.parse(List.of(
                "provider,routine,n,gflops,best_seconds,timed_runs,cores,cpu,java,openblas_coretype",
                "jblas,dgemm,500,48.5000,5.154639e-03,40,2,\"AMD EPYC, 2 cores\",17.0.15,Haswell"));
        assertEquals(List.of(new BlasThroughput.Measurement("jblas", "dgemm", 500, 48.5, 5.154639e-03, 40)), m);
    }

    @Test
    void unavailableBackendIsAUsageError() {
        CliRun r = CliRun.of("bench", "blas", "--sizes", "8", "--backends", "nope");
        assertEquals(2, r.exit(), r::toString);
        assertTrue(r.err().contains("'nope'") && r.err().contains("available: "), r::toString);
    }

    @Test
    void aBackendComputingGarbageIsCaught() {
        LinearAlgebraBackend pure = Backends.select("java", getClass().getClassLoader()).backend();
        LinearAlgebraBackend broken = (LinearAlgebraBackend) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{LinearAlgebraBackend.class}, (proxy, method, args) -> {
                    Object result;
                    try {
                        result = method.invoke(pure, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (method.getName().equals("gemm")) {
                        Arrays.fill((double[]) args[13], 1.0); // c: a wrong result
                    }
                    return result;
                });
        BlasThroughput t = new BlasThroughput(0.1, 1);
        FixpointException e = assertThrows(FixpointException.class, () -> t.gemm(broken, 12));
        assertTrue(e.getMessage().contains("[fixpoint/BenchCheckFailed]") && e.getMessage().contains("dgemm"), e::getMessage);
        assertTrue(t.gemv(pure, 12).gflops() > 0);
    }
}
