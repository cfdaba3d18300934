package dev.fixpoint.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.core.linalg.BackendSelection;
import dev.fixpoint.core.linalg.Backends;
import dev.fixpoint.core.linalg.ProviderStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Where the system libraries are installed, the native backends must be available and the fastest
 * one chosen: a broken native path must fail the build rather than silently fall back to pure Java.
 */
class NativeBackendsTest {

    private static String ldconfig() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("/sbin/ldconfig", "-p").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }

    @Test
    void installedNativeLibrariesGiveAvailableBackends() throws Exception {
        String libs;
        try {
            libs = ldconfig();
        } catch (IOException e) {
            Assumptions.abort("ldconfig not runnable here: " + e.getMessage());
            return;
        }
        BackendSelection sel = Backends.select(null, getClass().getClassLoader());
        Map<String, ProviderStatus> byName = sel.statuses().stream()
                .collect(Collectors.toMap(ProviderStatus::name, s -> s));
        assertTrue(byName.get("java").available(), "the pure-Java backend is always available");
        if (libs.contains("libopenblas.so.0")) {
            assertTrue(byName.get("openblas").available(), "libopenblas.so.0 is installed but: " + byName.get("openblas").reason());
            assertEquals("openblas", sel.chosen().name(), "the highest-priority available backend is chosen");
        }
        if (libs.contains("libgfortran.so.5")) {
            assertTrue(byName.get("jblas").available(), "libgfortran.so.5 is installed but: " + byName.get("jblas").reason());
        }
    }
}
