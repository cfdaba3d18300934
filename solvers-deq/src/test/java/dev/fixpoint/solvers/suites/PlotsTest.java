package dev.fixpoint.solvers.suites;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class PlotsTest {
    @Test
    void rendersAPngOfTheStatedSize() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Plots.line("NMSE per layer", "layer", "NMSE (dB)")
                .series("ista", new double[]{-1, -2, -3})
                .curve("bound", new double[]{1, 3}, new double[]{-1, -4})
                .scatter("points", new double[]{1, 2}, new double[]{Double.NaN, -2})
                .writePng(out);
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(out.toByteArray()));
        assertEquals(900, img.getWidth());
        assertEquals(560, img.getHeight());
    }

    @Test
    void mismatchedSeriesAreRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> Plots.line("t", "x", "y").series("s", new double[]{1}, new double[]{1, 2}));
    }
}
