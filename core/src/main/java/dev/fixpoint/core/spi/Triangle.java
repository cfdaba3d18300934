package dev.fixpoint.core.spi;

/**
 * Which triangle of a symmetric matrix a routine reads or writes; the Fortran {@code UPLO} argument.
 */
public enum Triangle {
    /** The upper triangle ({@code 'U'}). */
    UPPER('U'),
    /** The lower triangle ({@code 'L'}). */
    LOWER('L');

    private final char blasChar;

    Triangle(char blasChar) {
        this.blasChar = blasChar;
    }

    /** @return the LAPACK character, {@code 'U'} or {@code 'L'} */
    public char blasChar() {
        return blasChar;
    }

    /** @return the other triangle (what this triangle becomes after a transposition) */
    public Triangle flip() {
        return this == UPPER ? LOWER : UPPER;
    }
}
