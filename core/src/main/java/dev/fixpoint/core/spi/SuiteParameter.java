package dev.fixpoint.core.spi;

import dev.fixpoint.core.FixpointException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A typed suite parameter with a default, a description and (for numbers) an accepted range.
 * Values arrive as text ({@code --param n=200}) and are parsed by {@link #parse(String)}, which
 * reports a bad value by parameter name, the value and the expected type or range.
 *
 * <p>Immutable. Create with {@link #integer}, {@link #real}, {@link #flag}, {@link #text} or
 * {@link #choice}.
 */
public final class SuiteParameter {

    /** The value type of a parameter. */
    public enum Type {
        /** A 64-bit integer within [min, max]. */
        INTEGER("integer"),
        /** A finite double within [min, max]. */
        REAL("real number"),
        /** {@code true} or {@code false}. */
        FLAG("boolean (true|false)"),
        /** Free text. */
        TEXT("text"),
        /** One of a fixed list of names. */
        CHOICE("one of");

        private final String label;

        Type(String label) {
            this.label = label;
        }

        /** @return how the type is described to users */
        public String label() {
            return label;
        }
    }

    private final String name;
    private final Type type;
    private final String defaultValue;
    private final String description;
    private final double min;
    private final double max;
    private final List<String> choices;

    private SuiteParameter(String name, Type type, String defaultValue, String description,
                           double min, double max, List<String> choices) {
        this.name = Objects.requireNonNull(name, "name");
        this.type = type;
        this.description = Objects.requireNonNull(description, "description");
        this.min = min;
        this.max = max;
        this.choices = List.copyOf(choices);
        if (!name.matches("[a-z][a-zA-Z0-9.-]*")) {
            throw new IllegalArgumentException("parameter name '" + name
                    + "' must start with a lowercase letter and contain only letters, digits, '.' and '-'");
        }
        this.defaultValue = defaultValue;
        parse(defaultValue); // the default must itself be valid
    }

    /** An integer parameter in {@code [min, max]}. */
    public static SuiteParameter integer(String name, long defaultValue, long min, long max, String description) {
        return new SuiteParameter(name, Type.INTEGER, Long.toString(defaultValue), description, min, max, List.of());
    }

    /** A real parameter in {@code [min, max]} (finite). */
    public static SuiteParameter real(String name, double defaultValue, double min, double max, String description) {
        return new SuiteParameter(name, Type.REAL, Double.toString(defaultValue), description, min, max, List.of());
    }

    /** A boolean parameter. */
    public static SuiteParameter flag(String name, boolean defaultValue, String description) {
        return new SuiteParameter(name, Type.FLAG, Boolean.toString(defaultValue), description, 0, 0, List.of());
    }

    /** A free-text parameter. */
    public static SuiteParameter text(String name, String defaultValue, String description) {
        return new SuiteParameter(name, Type.TEXT, Objects.requireNonNull(defaultValue), description, 0, 0, List.of());
    }

    /** A parameter taking one of {@code choices} (case-sensitive). */
    public static SuiteParameter choice(String name, String defaultValue, List<String> choices, String description) {
        if (choices.isEmpty()) {
            throw new IllegalArgumentException("choice parameter '" + name + "' needs at least one choice");
        }
        return new SuiteParameter(name, Type.CHOICE, defaultValue, description, 0, 0, choices);
    }

    /**
     * Parses a value given as text.
     *
     * @return a {@code Long}, {@code Double}, {@code Boolean} or {@code String} according to {@link #type()}
     * @throws FixpointException {@code [fixpoint/BadParameter]} naming the parameter, the value and the expected type
     */
    public Object parse(String text) {
        if (text == null) {
            throw bad("null", "a value");
        }
        String t = text.trim();
        switch (type) {
            case INTEGER: {
                long v;
                try {
                    v = Long.parseLong(t);
                } catch (NumberFormatException e) {
                    throw bad(text, "an integer in [" + (long) min + ", " + (long) max + "]");
                }
                if (v < min || v > max) {
                    throw bad(text, "an integer in [" + (long) min + ", " + (long) max + "]");
                }
                return v;
            }
            case REAL: {
                double v;
                try {
                    v = Double.parseDouble(t);
                } catch (NumberFormatException e) {
                    throw bad(text, "a real number in [" + min + ", " + max + "]");
                }
                if (!Double.isFinite(v) || v < min || v > max) {
                    throw bad(text, "a finite real number in [" + min + ", " + max + "]");
                }
                return v;
            }
            case FLAG: {
                String l = t.toLowerCase(Locale.ROOT);
                if (l.equals("true") || l.equals("false")) {
                    return Boolean.parseBoolean(l);
                }
                throw bad(text, "a boolean (true or false)");
            }
            case CHOICE:
                if (choices.contains(t)) {
                    return t;
                }
                throw bad(text, "one of " + choices);
            case TEXT:
            default:
                return text;
        }
    }

    private FixpointException bad(String value, String expected) {
        return new FixpointException("BadParameter", "parameter '" + name + "' got '" + value
                + "' but expects " + expected + " (" + description + ")");
    }

    /** @return the parameter name, as used in {@code --param name=value} */
    public String name() {
        return name;
    }

    /** @return the value type */
    public Type type() {
        return type;
    }

    /** @return the default value as text */
    public String defaultValue() {
        return defaultValue;
    }

    /** @return what the parameter controls, with its unit */
    public String description() {
        return description;
    }

    /** @return the accepted choices ({@link Type#CHOICE} only; empty otherwise) */
    public List<String> choices() {
        return choices;
    }

    /** @return a short description of the accepted values, e.g. {@code "integer in [1, 4096]"} */
    public String typeDescription() {
        switch (type) {
            case INTEGER:
                return "integer in [" + (long) min + ", " + (long) max + "]";
            case REAL:
                return "real in [" + min + ", " + max + "]";
            case CHOICE:
                return "one of " + String.join("|", choices);
            default:
                return type.label();
        }
    }

    @Override
    public String toString() {
        return name + " (" + typeDescription() + ", default " + defaultValue + ")";
    }
}
