package dev.fixpoint.it.plugins;

import dev.fixpoint.core.spi.FixpointPlugin;

/** A plugin whose constructor fails, as when a required resource is missing. */
public final class BrokenConstructorPlugin implements FixpointPlugin {
    public BrokenConstructorPlugin() {
        throw new IllegalStateException("model file broken.xml is missing");
    }

    @Override
    public String id() {
        return "it-broken-constructor";
    }
}
