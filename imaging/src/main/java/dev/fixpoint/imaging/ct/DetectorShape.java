package dev.fixpoint.imaging.ct;

/** The detector of a fan-beam geometry. */
public enum DetectorShape {
    /** Curved detector on an arc centred at the source: bins equally spaced in fan angle γ (radians). */
    EQUIANGULAR,
    /** Flat detector perpendicular to the central ray: bins equally spaced in length along it. */
    FLAT
}
