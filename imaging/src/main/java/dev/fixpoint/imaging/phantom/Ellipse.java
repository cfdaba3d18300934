package dev.fixpoint.imaging.phantom;

import dev.fixpoint.core.FixpointException;

/**
 * A constant-intensity ellipse: {@code value} added inside
 * {@code ((x'−x0)/a)² + ((y'−y0)/b)² ≤ 1}, where {@code (x', y')} is the point rotated by {@code −angle}
 * about {@code (x0, y0)} (the ellipse's {@code a} axis makes the angle {@code angle} with the {@code x}
 * axis, counter-clockwise). Coordinates are in the phantom's own units (the Shepp–Logan tables use the
 * square {@code [−1, 1]²}).
 *
 * @param value        additive intensity
 * @param a            semi-axis along the rotated {@code x} direction (> 0)
 * @param b            semi-axis along the rotated {@code y} direction (> 0)
 * @param x0           centre {@code x}
 * @param y0           centre {@code y}
 * @param angleDegrees rotation, degrees counter-clockwise
 */
public record Ellipse(double value, double a, double b, double x0, double y0, double angleDegrees) {

    /** Validates the semi-axes and finiteness. */
    public Ellipse {
        if (!(a > 0) || !(b > 0) || !Double.isFinite(a) || !Double.isFinite(b)) {
            throw new FixpointException("BadEllipse", "semi-axes a = " + a + ", b = " + b + " must be finite and > 0");
        }
        if (!Double.isFinite(value) || !Double.isFinite(x0) || !Double.isFinite(y0) || !Double.isFinite(angleDegrees)) {
            throw new FixpointException("BadEllipse", "value, centre and angle must be finite: " + value + ", ("
                    + x0 + ", " + y0 + "), " + angleDegrees);
        }
    }

    /** @return whether {@code (x, y)} lies in the closed ellipse */
    public boolean contains(double x, double y) {
        double t = Math.toRadians(angleDegrees);
        double c = Math.cos(t);
        double s = Math.sin(t);
        double dx = x - x0;
        double dy = y - y0;
        double u = (c * dx + s * dy) / a;
        double v = (-s * dx + c * dy) / b;
        return u * u + v * v <= 1.0;
    }

    /**
     * The exact line integral of this ellipse's indicator (times {@code value}) along the line
     * {@code {p : p·(cos θ, sin θ) = s}} (parallel-beam convention of {@code dev.fixpoint.imaging.ct}).
     *
     * @param theta angle of the line's normal, radians
     * @param s     signed distance of the line from the origin
     * @return the chord length times {@code value}
     */
    public double lineIntegral(double theta, double s) {
        double t = Math.toRadians(angleDegrees);
        double phi = theta - t;
        double c = Math.cos(phi);
        double sn = Math.sin(phi);
        double a2 = a * a * c * c + b * b * sn * sn;
        double sc = s - (x0 * Math.cos(theta) + y0 * Math.sin(theta));
        double d = a2 - sc * sc;
        return d <= 0 ? 0.0 : value * 2.0 * a * b * Math.sqrt(d) / a2;
    }

    /** @return this ellipse with every length (axes, centre) multiplied by {@code factor} */
    public Ellipse scaled(double factor) {
        return new Ellipse(value, a * factor, b * factor, x0 * factor, y0 * factor, angleDegrees);
    }
}
