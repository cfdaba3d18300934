package dev.fixpoint.core.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import com.google.inject.name.Names;
import dev.fixpoint.core.spi.FixpointPlugin;
import dev.fixpoint.core.spi.LinearAlgebraBackend;
import dev.fixpoint.core.spi.Report;
import dev.fixpoint.core.spi.Suite;
import dev.fixpoint.core.spi.SuiteContext;
import dev.fixpoint.core.suite.UnknownSuiteException;
import java.util.List;
import org.junit.jupiter.api.Test;

class FixpointTest {

    static final class NamedSuite implements Suite {
        private final String name;

        NamedSuite(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String description() {
            return "test suite " + name;
        }

        @Override
        public Report run(SuiteContext context) {
            return Report.builder(name).build();
        }
    }

    static FixpointPlugin plugin(String id, List<Suite> suites, List<Module> modules) {
        return new FixpointPlugin() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public List<Suite> suites() {
                return suites;
            }

            @Override
            public List<Module> modules() {
                return modules;
            }
        };
    }

    @Test
    void discoversTheCorePluginAndBindsTheBackend() {
        Fixpoint fp = Fixpoint.builder().backend("java").build();
        assertTrue(fp.plugins().stream().anyMatch(p -> p.id().equals("core") && p.loaded()));
        assertTrue(fp.suites().names().contains("core-selfcheck"));
        assertEquals("java", fp.injector().getInstance(LinearAlgebraBackend.class).name());
    }

    @Test
    void aPluginWhoseModulesThrowIsReportedAndTheOthersLoad() {
        FixpointPlugin good = plugin("good", List.of(new NamedSuite("good-suite")), List.of());
        FixpointPlugin bad = new FixpointPlugin() {
            @Override
            public String id() {
                return "bad";
            }

            @Override
            public List<Module> modules() {
                throw new IllegalStateException("missing configuration file x.yaml");
            }
        };
        Fixpoint fp = Fixpoint.builder().backend("java").plugin(bad).plugin(good).build();
        PluginStatus badStatus = fp.failedPlugins().stream().filter(p -> p.id().equals("bad")).findFirst().orElseThrow();
        assertTrue(badStatus.failure().contains("missing configuration file x.yaml"), badStatus.failure());
        assertTrue(fp.suites().names().contains("good-suite"));
    }

    @Test
    void strictModeFailsOnTheFirstBrokenPlugin() {
        FixpointPlugin broken = plugin("broken", List.of(), List.of(new AbstractModule() {
            @Override
            protected void configure() {
                bind(Runnable.class); // interface without implementation: invalid binding
            }
        }));
        PluginLoadException e = assertThrows(PluginLoadException.class,
                () -> Fixpoint.builder().backend("java").strict(true).plugin(broken).build());
        assertTrue(e.getMessage().contains("'broken'"), e.getMessage());
        Fixpoint lenient = Fixpoint.builder().backend("java").plugin(broken).build();
        assertTrue(lenient.failedPlugins().stream().anyMatch(p -> p.id().equals("broken")
                && p.failure().contains("bindings are invalid")));
    }

    @Test
    void duplicateIdsAndSuiteNamesAreReportedAgainstTheLaterPlugin() {
        FixpointPlugin first = plugin("alpha", List.of(new NamedSuite("shared")), List.of());
        FixpointPlugin sameId = plugin("alpha", List.of(), List.of());
        FixpointPlugin sameSuite = plugin("beta", List.of(new NamedSuite("shared")), List.of());
        Fixpoint fp = Fixpoint.builder().backend("java").plugin(first).plugin(sameId).plugin(sameSuite).build();
        List<PluginStatus> failed = fp.failedPlugins();
        assertEquals(2, failed.size(), failed.toString());
        assertTrue(failed.get(0).failure().contains("already has the id 'alpha'"));
        assertTrue(failed.get(1).failure().contains("suite 'shared' is already registered by plugin 'alpha'"));
    }

    @Test
    void pluginsThatConflictOnlyTogetherFailTheBuild() {
        Module bindsX = new AbstractModule() {
            @Override
            protected void configure() {
                bind(String.class).annotatedWith(Names.named("x")).toInstance("1");
            }
        };
        Module bindsXAgain = new AbstractModule() {
            @Override
            protected void configure() {
                bind(String.class).annotatedWith(Names.named("x")).toInstance("2");
            }
        };
        PluginLoadException e = assertThrows(PluginLoadException.class, () -> Fixpoint.builder().backend("java")
                .plugin(plugin("one", List.of(), List.of(bindsX)))
                .plugin(plugin("two", List.of(), List.of(bindsXAgain))).build());
        assertTrue(e.getMessage().contains("conflict"), e.getMessage());
    }

    @Test
    void unknownSuiteListsKnownSuites() {
        Fixpoint fp = Fixpoint.builder().backend("java").build();
        UnknownSuiteException e = assertThrows(UnknownSuiteException.class, () -> fp.suites().get("nope"));
        assertTrue(e.getMessage().contains("core-selfcheck"), e.getMessage());
        assertFalse(e.getMessage().contains("null"));
    }
}
