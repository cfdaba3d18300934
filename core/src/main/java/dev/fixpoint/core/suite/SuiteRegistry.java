package dev.fixpoint.core.suite;

import com.google.inject.Binder;
import com.google.inject.multibindings.MapBinder;
import dev.fixpoint.core.spi.Suite;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * All registered {@link Suite}s, keyed by name and listed in name order. Suites come from
 * {@link dev.fixpoint.core.spi.FixpointPlugin#suites()} or from a Guice module:
 * {@code SuiteRegistry.binder(binder()).addBinding("my-suite").to(MySuite.class)}.
 */
public final class SuiteRegistry {
    private final Map<String, Suite> suites;

    /** @param suites the suite map bound with {@link #binder(Binder)} */
    @Inject
    public SuiteRegistry(Map<String, Suite> suites) {
        this.suites = new TreeMap<>(suites);
        for (Map.Entry<String, Suite> e : this.suites.entrySet()) {
            if (!e.getKey().equals(e.getValue().name())) {
                throw new IllegalStateException("suite bound under '" + e.getKey() + "' calls itself '"
                        + e.getValue().name() + "'; bind it under its own name");
            }
        }
    }

    /** @return the map binder through which modules add suites */
    public static MapBinder<String, Suite> binder(Binder binder) {
        return MapBinder.newMapBinder(binder, String.class, Suite.class);
    }

    /** @return every suite, in name order */
    public List<Suite> all() {
        return new ArrayList<>(suites.values());
    }

    /** @return the suite names, in order */
    public List<String> names() {
        return new ArrayList<>(suites.keySet());
    }

    /**
     * @param name a suite name
     * @return the suite
     * @throws UnknownSuiteException listing the known suites
     */
    public Suite get(String name) {
        Suite s = suites.get(name);
        if (s == null) {
            throw new UnknownSuiteException("no suite named '" + name + "'; known suites: "
                    + (suites.isEmpty() ? "(none: no plugin contributes suites)" : String.join(", ", suites.keySet())));
        }
        return s;
    }
}
