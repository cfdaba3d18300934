package dev.fixpoint.bio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.core.spi.FixpointPlugin;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The plugin is found through ServiceLoader and contributes the ode-sensitivity suite. */
class BioOdePluginTest {

    @Test
    void loadsThroughServiceLoader() {
        FixpointPlugin plugin = ServiceLoader.load(FixpointPlugin.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.id().equals("bio-ode")).findFirst().orElseThrow();
        assertTrue(plugin instanceof BioOdePlugin);
        assertEquals(1, plugin.suites().size());
        assertEquals("ode-sensitivity", plugin.suites().get(0).name());
        assertTrue(plugin.modules().isEmpty());
        assertTrue(!plugin.description().isBlank());
    }
}
