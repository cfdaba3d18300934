package dev.fixpoint.openblas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.core.linalg.BackendSelection;
import dev.fixpoint.core.linalg.Backends;
import dev.fixpoint.core.linalg.ProviderStatus;
import dev.fixpoint.core.spi.BackendProvider;
import dev.fixpoint.core.spi.LinearAlgebraBackend;
import dev.fixpoint.core.spi.LinearAlgebraBackendContract;
import dev.fixpoint.core.spi.Transpose;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** Loads the plugin the way the host does: through ServiceLoader and backend selection. */
class OpenBlasProviderSmokeTest {

    @Test
    void withoutTheLibraryLoadExplainsWhatToInstall() {
        try {
            new OpenBlasProvider().load();
        } catch (RuntimeException e) {
            assertTrue(e.getMessage().contains("[fixpoint/NativeLibraryMissing]")
                    && e.getMessage().contains("apt-get install libopenblas0-pthread"), e.getMessage());
            return;
        }
        org.junit.jupiter.api.Assumptions.abort("libopenblas.so.0 is installed here; the missing-library message is not exercised");
    }

    @Test
    void serviceLoaderFindsTheProvider() {
        BackendProvider provider = ServiceLoader.load(BackendProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(p -> p.name().equals("openblas"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("openblas provider not registered"));
        assertSame(OpenBlasProvider.class, provider.getClass());
        assertEquals(300, provider.priority());
        assertTrue(provider.description().contains("OpenBLAS"), provider.description());
    }

    @Test
    void loadsMultipliesAndIsSelectedByPriority() throws Exception {
        LinearAlgebraBackend backend = LinearAlgebraBackendContract.loadOrSkip("openblas", () -> new OpenBlasProvider().load());
        double[] a = {1, 3, 2, 4}; // [[1,2],[3,4]] column-major
        double[] c = {Double.NaN, Double.NaN, Double.NaN, Double.NaN};
        backend.gemm(Transpose.NO, Transpose.NO, 2, 2, 2, 1.0, a, 0, 2, a, 0, 2, 0.0, c, 0, 2);
        assertEquals(7, c[0]);
        assertEquals(15, c[1]);
        assertEquals(10, c[2]);
        assertEquals(22, c[3]);

        BackendSelection selection = Backends.select(null, getClass().getClassLoader());
        ProviderStatus chosen = selection.chosen();
        assertEquals("openblas", chosen.name(), chosen.reason());
        assertEquals("openblas", selection.backend().name());
        assertTrue(selection.available("openblas").isPresent());
    }

    @Test
    void selectionByNameReportsTheOthers() {
        LinearAlgebraBackendContract.loadOrSkip("openblas", () -> new OpenBlasProvider().load());
        BackendSelection selection = Backends.select("openblas", getClass().getClassLoader());
        assertEquals("openblas", selection.backend().name());
        assertFalse(selection.statuses().isEmpty());
        assertEquals("openblas", selection.statuses().get(0).name(), "highest priority first");
    }
}
