package dev.fixpoint.operators.registry;

import com.google.inject.Module;
import dev.fixpoint.core.spi.FixpointPlugin;
import java.util.List;

/** The {@code operators} plugin: binds the built-in proximal-function and operator registries. */
public final class OperatorsPlugin implements FixpointPlugin {
    @Override
    public String id() {
        return "operators";
    }

    @Override
    public String description() {
        return "linear operators with exact adjoints and proximal functions, by name (prox=l1(lambda=0.1))";
    }

    @Override
    public List<Module> modules() {
        return List.of(new OperatorsModule());
    }
}
