package dev.fixpoint.cli;

import dev.fixpoint.core.spi.FixpointPlugin;
import dev.fixpoint.core.spi.Suite;
import java.util.List;

/** A plugin for the CLI tests, registered through META-INF/services: contributes {@link TinySumSuite}. */
public final class TestSuitesPlugin implements FixpointPlugin {
    @Override
    public String id() {
        return "cli-test";
    }

    @Override
    public String version() {
        return "1.0-test";
    }

    @Override
    public String description() {
        return "suites for the CLI tests";
    }

    @Override
    public List<Suite> suites() {
        return List.of(new TinySumSuite());
    }
}
