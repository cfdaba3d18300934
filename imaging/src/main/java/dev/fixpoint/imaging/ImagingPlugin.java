package dev.fixpoint.imaging;

import dev.fixpoint.core.spi.FixpointPlugin;
import dev.fixpoint.core.spi.Suite;
import dev.fixpoint.imaging.ct.CtSuite;
import dev.fixpoint.imaging.mri.MriSuite;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code imaging} plugin: CT and MRI reconstruction suites. Registered in
 * {@code META-INF/services/dev.fixpoint.core.spi.FixpointPlugin}.
 */
public final class ImagingPlugin implements FixpointPlugin {
    @Override
    public String id() {
        return "imaging";
    }

    @Override
    public String description() {
        return "CT and MRI reconstruction: exact projectors and Fourier models, FBP/SIRT/CGLS, TV and wavelet "
                + "reconstructions, learned unrolled reconstructions, PSNR/SSIM, PNG and .npy";
    }

    @Override
    public List<Suite> suites() {
        List<Suite> suites = new ArrayList<>();
        // one line per suite; keep alphabetical
        suites.add(new CtSuite());
        suites.add(new MriSuite());
        return List.copyOf(suites);
    }
}
