package dev.fixpoint.core.spi;

/**
 * Whether a BLAS operand is used as stored ({@link #NO}) or transposed ({@link #YES}).
 * Maps onto the Fortran characters {@code 'N'} and {@code 'T'}.
 */
public enum Transpose {
    /** Use the operand as stored. */
    NO('N'),
    /** Use the transpose of the stored operand. */
    YES('T');

    private final char blasChar;

    Transpose(char blasChar) {
        this.blasChar = blasChar;
    }

    /** @return the BLAS character, {@code 'N'} or {@code 'T'} */
    public char blasChar() {
        return blasChar;
    }

    /** @return {@code YES} if {@code transposed}, else {@code NO} */
    public static Transpose of(boolean transposed) {
        return transposed ? YES : NO;
    }

    /** @return true for {@link #YES} */
    public boolean isTransposed() {
        return this == YES;
    }

    /** @return the opposite flag */
    public Transpose flip() {
        return this == YES ? NO : YES;
    }
}
