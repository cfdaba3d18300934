package dev.fixpoint.it.plugins;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import dev.fixpoint.core.spi.FixpointPlugin;
import java.util.List;

/** A plugin with an invalid binding (an interface bound to nothing). */
public final class BrokenBindingPlugin implements FixpointPlugin {
    /** Nothing implements this. */
    public interface Unimplemented {
    }

    /** Needs {@link Unimplemented}. */
    public static final class Needy {
        @jakarta.inject.Inject
        Needy(Unimplemented dependency) {
        }
    }

    @Override
    public String id() {
        return "it-broken-binding";
    }

    @Override
    public List<Module> modules() {
        return List.of(new AbstractModule() {
            @Override
            protected void configure() {
                bind(Needy.class).asEagerSingleton();
            }
        });
    }
}
