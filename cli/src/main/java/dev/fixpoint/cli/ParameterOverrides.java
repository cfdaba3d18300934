package dev.fixpoint.cli;

import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.spi.Suite;
import dev.fixpoint.core.spi.SuiteParameter;
import dev.fixpoint.core.suite.SuiteRunner;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code --param NAME=VALUE} values of one {@code fixpoint run}. With several suites, a value
 * goes to every suite that declares the parameter; a name no suite declares is an error.
 */
final class ParameterOverrides {
    private final Map<String, String> values;

    private ParameterOverrides(Map<String, String> values) {
        this.values = values;
    }

    /**
     * @param assignments the raw {@code NAME=VALUE} texts, in command-line order (later wins)
     * @throws FixpointException {@code [fixpoint/BadParameter]} for a text without {@code '='} or an empty name
     */
    static ParameterOverrides parse(List<String> assignments) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String a : assignments) {
            int eq = a.indexOf('=');
            if (eq <= 0) {
                throw new FixpointException("BadParameter", "--param '" + a
                        + "' must have the form NAME=VALUE (for example --param n=200)");
            }
            values.put(a.substring(0, eq).strip(), a.substring(eq + 1));
        }
        return new ParameterOverrides(values);
    }

    /**
     * Checks every value against the suites before anything runs.
     *
     * @throws FixpointException {@code [fixpoint/BadParameter]} naming the parameter and the expected type,
     *         or listing the parameters when no suite declares the name
     */
    void validate(List<Suite> suites, boolean quick) {
        for (String name : values.keySet()) {
            boolean declared = suites.stream().anyMatch(s -> declares(s, name));
            if (!declared && suites.size() == 1) {
                SuiteRunner.resolve(suites.get(0), values, quick); // throws, listing the suite's parameters
            }
            if (!declared) {
                throw new FixpointException("BadParameter", "none of the suites " + suites.stream().map(Suite::name).toList()
                        + " has a parameter '" + name + "' (see 'fixpoint suites')");
            }
        }
        for (Suite s : suites) {
            SuiteRunner.resolve(s, forSuite(s), quick);
        }
    }

    /** @return the values that apply to {@code suite} (the parameters it declares) */
    Map<String, String> forSuite(Suite suite) {
        Map<String, String> out = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (declares(suite, k)) {
                out.put(k, v);
            }
        });
        return out;
    }

    private static boolean declares(Suite suite, String name) {
        return suite.parameters().stream().map(SuiteParameter::name).anyMatch(name::equals);
    }
}
