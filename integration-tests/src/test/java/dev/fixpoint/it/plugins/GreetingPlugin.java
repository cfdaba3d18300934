package dev.fixpoint.it.plugins;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import com.google.inject.name.Names;
import dev.fixpoint.core.spi.FixpointPlugin;
import dev.fixpoint.core.spi.Report;
import dev.fixpoint.core.spi.Suite;
import dev.fixpoint.core.spi.SuiteContext;
import dev.fixpoint.core.spi.SuiteParameter;
import dev.fixpoint.core.suite.SuiteRegistry;
import java.util.List;

/** A well-behaved test plugin: a binding, a suite from {@code suites()} and one bound through Guice. */
public final class GreetingPlugin implements FixpointPlugin {

    /** Reports the length of the greeting it is given. */
    public static final class GreetingSuite implements Suite {
        private final String name;

        public GreetingSuite() {
            this("it-greeting");
        }

        GreetingSuite(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String description() {
            return "integration-test suite";
        }

        @Override
        public List<SuiteParameter> parameters() {
            return List.of(SuiteParameter.text("greeting", "hello", "the greeting"));
        }

        @Override
        public Report run(SuiteContext ctx) {
            return Report.builder(name).metricAtLeast("length", ctx.text("greeting").length(), "characters", 1).build();
        }
    }

    @Override
    public String id() {
        return "it-greeting";
    }

    @Override
    public String description() {
        return "integration-test plugin";
    }

    @Override
    public List<Module> modules() {
        return List.of(new AbstractModule() {
            @Override
            protected void configure() {
                bind(String.class).annotatedWith(Names.named("greeting")).toInstance("hello from a plugin");
                SuiteRegistry.binder(binder()).addBinding("it-greeting-guice").toInstance(new GreetingSuite("it-greeting-guice"));
            }
        });
    }

    @Override
    public List<Suite> suites() {
        return List.of(new GreetingSuite());
    }
}
