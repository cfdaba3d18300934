package dev.fixpoint.bio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.core.spi.FixpointPlugin;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The plugin is found through ServiceLoader and contributes the ode-sensitivity, petab-benchmark and petab suites. */
class BioOdePluginTest {

    @Test
    void loadsThroughServiceLoader() {
        FixpointPlugin plugin = ServiceLoader.load(FixpointPlugin.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.id().equals("bio-ode")).findFirst().orElseThrow();
        assertTrue(plugin instanceof BioOdePlugin);
        assertEquals(java.util.List.of("ode-sensitivity", "petab-benchmark", "petab"),
                plugin.suites().stream().map(dev.fixpoint.core.spi.Suite::name).toList());
        assertTrue(plugin.modules().isEmpty());
        assertTrue(!plugin.description().isBlank());
    }
}
