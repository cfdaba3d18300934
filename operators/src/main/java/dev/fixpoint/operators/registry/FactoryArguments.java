package dev.fixpoint.operators.registry;

import dev.fixpoint.core.FixpointException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The {@code key=value} arguments of a registry entry, e.g. {@code lambda=0.1} in
 * {@code l1(lambda=0.1)}, with typed access. Every read is recorded; {@link #requireAllUsed()}
 * then rejects keys the entry does not understand, listing the ones it does. Errors name the entry,
 * the key, the value and the expected type.
 */
public final class FactoryArguments {
    private final String entry;
    private final Map<String, String> values;
    private final Set<String> read = new LinkedHashSet<>();

    /**
     * @param entry  the registry entry name (for messages)
     * @param values key → value as text
     */
    public FactoryArguments(String entry, Map<String, String> values) {
        this.entry = entry;
        this.values = new LinkedHashMap<>(values);
    }

    /** @return the value of a real argument, or {@code fallback} when absent */
    public double real(String key, double fallback) {
        String v = raw(key);
        return v == null ? fallback : parseReal(key, v);
    }

    /** @return the value of a required real argument */
    public double real(String key) {
        return parseReal(key, required(key, "a real number"));
    }

    /** @return the value of an integer argument, or {@code fallback} when absent */
    public int integer(String key, int fallback) {
        String v = raw(key);
        return v == null ? fallback : parseInt(key, v);
    }

    /** @return the value of a required integer argument */
    public int integer(String key) {
        return parseInt(key, required(key, "an integer"));
    }

    /** @return a text argument, or {@code fallback} when absent */
    public String text(String key, String fallback) {
        String v = raw(key);
        return v == null ? fallback : v;
    }

    /** @return a choice argument (one of {@code choices}, lowercase), or {@code fallback} when absent */
    public String choice(String key, String fallback, java.util.List<String> choices) {
        String v = raw(key);
        String c = v == null ? fallback : v.trim().toLowerCase(java.util.Locale.ROOT);
        if (!choices.contains(c)) {
            throw bad(key, v, "one of " + choices);
        }
        return c;
    }

    /** @return a shape argument written {@code 64x64} (or a single length), e.g. {@code shape=128x128} */
    public int[] shape(String key) {
        String v = required(key, "a shape such as 64x64");
        try {
            int[] s = Arrays.stream(v.split("[x×]")).map(String::trim).mapToInt(Integer::parseInt).toArray();
            for (int d : s) {
                if (d < 1) {
                    throw new NumberFormatException();
                }
            }
            return s;
        } catch (NumberFormatException e) {
            throw bad(key, v, "a shape of positive integers such as 64x64");
        }
    }

    /** @throws FixpointException naming the keys not understood by the entry */
    public void requireAllUsed() {
        Set<String> unused = new LinkedHashSet<>(values.keySet());
        unused.removeAll(read);
        if (!unused.isEmpty()) {
            throw new FixpointException("BadParameter", "'" + entry + "' does not take " + unused
                    + "; it takes " + (read.isEmpty() ? "no arguments" : read));
        }
    }

    private String raw(String key) {
        read.add(key);
        return values.get(key);
    }

    private String required(String key, String expected) {
        String v = raw(key);
        if (v == null) {
            throw new FixpointException("BadParameter", "'" + entry + "' needs " + key + "=<" + expected + ">");
        }
        return v;
    }

    private double parseReal(String key, String v) {
        try {
            double d = Double.parseDouble(v.trim());
            if (Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw bad(key, v, "a finite real number");
    }

    private int parseInt(String key, String v) {
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw bad(key, v, "an integer");
        }
    }

    private FixpointException bad(String key, String value, String expected) {
        return new FixpointException("BadParameter", "'" + entry + "': " + key + "=" + value + " is not " + expected);
    }
}
