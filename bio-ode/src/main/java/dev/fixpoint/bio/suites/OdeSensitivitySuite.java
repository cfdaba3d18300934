package dev.fixpoint.bio.suites;

import dev.fixpoint.core.spi.Report;
import dev.fixpoint.core.spi.Suite;
import dev.fixpoint.core.spi.SuiteContext;

/** Placeholder replaced below. */
public final class OdeSensitivitySuite implements Suite {
    @Override
    public String name() {
        return "ode-sensitivity";
    }

    @Override
    public String description() {
        return "placeholder";
    }

    @Override
    public Report run(SuiteContext context) {
        return Report.builder(name()).build();
    }
}
