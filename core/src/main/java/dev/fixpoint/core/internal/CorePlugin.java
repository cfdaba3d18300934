package dev.fixpoint.core.internal;

import dev.fixpoint.core.spi.FixpointPlugin;
import dev.fixpoint.core.spi.Suite;
import java.util.List;

/** The built-in plugin of core: contributes the {@code core-selfcheck} suite. */
public final class CorePlugin implements FixpointPlugin {
    @Override
    public String id() {
        return "core";
    }

    @Override
    public String description() {
        return "fixpoint core: tensors, backends, bootstrap; the core-selfcheck suite";
    }

    @Override
    public List<Suite> suites() {
        return List.of(new SelfCheckSuite());
    }
}
