package dev.fixpoint.solvers.fixedpoint;

import com.google.inject.AbstractModule;
import com.google.inject.Binder;
import com.google.inject.multibindings.MapBinder;
import dev.fixpoint.solvers.fixedpoint.spi.FixedPointSolverProvider;

/** Binds the built-in fixed-point solvers into the map behind {@link FixedPointSolverRegistry}. */
public final class FixedPointModule extends AbstractModule {

    /** @return the map binder through which modules add solvers by name */
    public static MapBinder<String, FixedPointSolverProvider> binder(Binder binder) {
        return MapBinder.newMapBinder(binder, String.class, FixedPointSolverProvider.class);
    }

    @Override
    protected void configure() {
        MapBinder<String, FixedPointSolverProvider> map = binder(binder());
        FixedPointSolvers.builtInProviders().forEach((name, p) -> map.addBinding(name).toInstance(p));
    }
}
