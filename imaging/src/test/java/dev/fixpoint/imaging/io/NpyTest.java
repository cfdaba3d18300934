package dev.fixpoint.imaging.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.core.FixpointException;
import dev.fixpoint.core.Tensor;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** .npy round trips, files written by numpy 2.x, bad files; PNG windowing and mosaics. */
class NpyTest {
    @TempDir
    Path dir;

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(NpyTest.class.getResource("/npy/" + name).toURI());
    }

    @Test
    void realAndComplexRoundTripExactly() {
        Tensor real = Tensor.randn(3L, 4, 5, 3);
        Npy.write(dir.resolve("r.npy"), real);
        Tensor back = Npy.read(dir.resolve("r.npy"));
        assertArrayEquals(real.shape(), back.shape());
        assertArrayEquals(real.toArray(), back.toArray());
        Tensor complex = Tensor.randn(4L, 6, 2);
        Npy.writeComplex(dir.resolve("c.npy"), complex);
        Tensor cBack = Npy.read(dir.resolve("c.npy"));
        assertArrayEquals(complex.shape(), cBack.shape());
        assertArrayEquals(complex.toArray(), cBack.toArray());
        Tensor vector = Tensor.vector(1, 2, 3);
        Npy.write(dir.resolve("v.npy"), vector);
        assertArrayEquals(new int[]{3}, Npy.read(dir.resolve("v.npy")).shape());
    }

    @Test
    void writtenHeaderIsNumpyVersion1WithAlignedData() throws IOException {
        Npy.write(dir.resolve("h.npy"), Tensor.zeros(2, 3));
        byte[] b = Files.readAllBytes(dir.resolve("h.npy"));
        assertEquals(1, b[6]);
        assertEquals(0, b[7]);
        int headerLength = (b[8] & 0xff) | (b[9] & 0xff) << 8;
        assertEquals(0, (10 + headerLength) % 64, "data must start 64-byte aligned");
        String header = new String(b, 10, headerLength, StandardCharsets.ISO_8859_1);
        assertTrue(header.startsWith("{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }"), header);
        assertTrue(header.endsWith("\n"));
        assertEquals(10 + headerLength + 48, b.length);
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("h.npy"), files.map(p -> p.getFileName().toString()).toList(), "no temporary file left");
        }
    }

    @Test
    void readsFilesWrittenByNumpy() throws Exception {
        Tensor a = Npy.read(resource("real_2x3.npy"));
        assertArrayEquals(new int[]{2, 3}, a.shape());
        assertArrayEquals(new double[]{-1, -0.5, 0, 0.5, 1, 1.5}, a.toArray());
        Tensor z = Npy.read(resource("complex_2x2.npy"));
        assertArrayEquals(new int[]{2, 2, 2}, z.shape());
        assertArrayEquals(new double[]{0, 3, 1, 2, 2, 1, 3, 0}, z.toArray());
        assertArrayEquals(new double[]{1.5, -2, 3.25}, Npy.read(resource("float32_3.npy")).toArray());
    }

    @Test
    void badFilesNameTheFieldAndReason() throws Exception {
        FixpointException fortran = assertThrows(FixpointException.class, () -> Npy.read(resource("fortran_2x2.npy")));
        assertTrue(fortran.getMessage().startsWith("[fixpoint/BadNpy]") && fortran.getMessage().contains("fortran_order"),
                fortran.getMessage());
        FixpointException type = assertThrows(FixpointException.class, () -> Npy.read(resource("int64_3.npy")));
        assertTrue(type.getMessage().contains("descr") && type.getMessage().contains("<i8"), type.getMessage());
        Path text = dir.resolve("text.npy");
        Files.writeString(text, "hello, not numpy");
        FixpointException magic = assertThrows(FixpointException.class, () -> Npy.read(text));
        assertTrue(magic.getMessage().contains("text.npy") && magic.getMessage().contains("magic"), magic.getMessage());
        byte[] good = Files.readAllBytes(resource("real_2x3.npy"));
        Path truncated = dir.resolve("trunc.npy");
        Files.write(truncated, Arrays.copyOf(good, good.length - 8));
        FixpointException data = assertThrows(FixpointException.class, () -> Npy.read(truncated));
        assertTrue(data.getMessage().contains("needs 48 bytes but the file holds 40"), data.getMessage());
        Path noShape = dir.resolve("noshape.npy");
        byte[] broken = good.clone();
        String header = new String(good, 10, good.length - 58, StandardCharsets.ISO_8859_1).replace("'shape'", "'shap_'");
        System.arraycopy(header.getBytes(StandardCharsets.ISO_8859_1), 0, broken, 10, header.length());
        Files.write(noShape, broken);
        FixpointException shape = assertThrows(FixpointException.class, () -> Npy.read(noShape));
        assertTrue(shape.getMessage().contains("shape missing"), shape.getMessage());
        FixpointException missing = assertThrows(FixpointException.class, () -> Npy.read(dir.resolve("nope.npy")));
        assertTrue(missing.getMessage().startsWith("[fixpoint/ReadFailed]"), missing.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Npy.writeComplex(dir.resolve("x.npy"), Tensor.zeros(3, 3)));
    }

    @Test
    void pngWindowsAndTilesImages() throws IOException {
        Tensor ramp = Tensor.wrap(new double[]{-1, 0, 0.5, 1, 2, 3}, 2, 3);
        Window w = new Window(0, 1);
        assertEquals(0, w.grey(-1));
        assertEquals(128, w.grey(0.5));
        assertEquals(255, w.grey(2));
        Png.write(dir.resolve("one.png"), ramp, w);
        BufferedImage one = ImageIO.read(dir.resolve("one.png").toFile());
        assertEquals(3, one.getWidth());
        assertEquals(128, one.getRaster().getSample(2, 0, 0));
        assertEquals(255, one.getRaster().getSample(0, 1, 0));
        Png.writeMosaic(dir.resolve("m.png"), List.of(ramp, ramp, ramp), List.of(w, w, Window.of(ramp)), 2);
        BufferedImage m = ImageIO.read(dir.resolve("m.png").toFile());
        assertEquals(2 * 3 + 2, m.getWidth());
        assertEquals(2 * 2 + 2, m.getHeight());
        assertEquals(0, m.getRaster().getSample(0, 4, 0), "third tile: window [min, max] maps −1 to black");
        assertThrows(IllegalArgumentException.class, () -> Png.write(dir.resolve("bad.png"), Tensor.zeros(2, 2, 2), w));
        assertThrows(FixpointException.class, () -> new Window(1, 1));
    }
}
