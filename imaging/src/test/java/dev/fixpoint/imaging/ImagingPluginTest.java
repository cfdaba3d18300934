package dev.fixpoint.imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.core.spi.FixpointPlugin;
import dev.fixpoint.core.spi.Suite;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** Smoke test: the plugin is found through {@link ServiceLoader} and its suites are listed by name, sorted. */
class ImagingPluginTest {

    @Test
    void pluginLoadsThroughServiceLoaderWithSortedUniqueSuites() {
        FixpointPlugin imaging = ServiceLoader.load(FixpointPlugin.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(p -> p.id().equals("imaging"))
                .findFirst().orElseThrow();
        assertTrue(imaging instanceof ImagingPlugin);
        List<String> names = imaging.suites().stream().map(Suite::name).toList();
        assertEquals(names.stream().sorted().distinct().toList(), names);
    }
}
