package dev.fixpoint.cli;

import dev.fixpoint.core.spi.Report;
import dev.fixpoint.core.spi.Suite;
import dev.fixpoint.core.spi.SuiteContext;
import dev.fixpoint.core.spi.SuiteParameter;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * A tiny test suite: the sum of squares 1² + … + n² through the backend's dot product, checked
 * against n(n+1)(2n+1)/6, with a PNG and a CSV artifact. {@code atLeast} sets a target the sum must
 * reach, so tests can make a metric fail.
 */
public final class TinySumSuite implements Suite {
    @Override
    public String name() {
        return "tiny-sum";
    }

    @Override
    public String description() {
        return "Sum of squares via dot <b>product</b> & a closed form.";
    }

    @Override
    public List<SuiteParameter> parameters() {
        return List.of(
                SuiteParameter.integer("n", 100, 1, 1000, "number of terms"),
                SuiteParameter.real("atLeast", 0, 0, 1e12, "target the sum must reach"));
    }

    @Override
    public Map<String, String> quickProfile() {
        return Map.of("n", "5");
    }

    @Override
    public Report run(SuiteContext context) throws Exception {
        int n = (int) context.integer("n");
        context.progress().begin("squares", n);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i + 1;
            context.progress().advance(1);
        }
        context.progress().end();
        double sum = context.backend().dot(n, x, 0, 1, x, 0, 1);
        double exact = n * (n + 1.0) * (2 * n + 1.0) / 6;
        BufferedImage img = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        img.setRGB(3, 3, 0xff0000);
        Report.Artifact png = context.writeArtifact("squares.png", "a red <dot>", out -> ImageIO.write(img, "png", out));
        Report.Artifact csv = context.writeArtifact("squares.csv", "the terms",
                out -> out.write(("i,square\n1,1\n").getBytes(StandardCharsets.UTF_8)));
        return Report.builder(name())
                .summary("n = " + n)
                .metric("sum of squares", sum, "")
                .metricAtMost("error", Math.abs(sum - exact), "", 1e-9)
                .metricAtLeast("sum vs target", sum, "", context.real("atLeast"))
                .artifact(png)
                .artifact(csv)
                .build();
    }
}
