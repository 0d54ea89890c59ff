package com.nusomi.recorder.recorder.capture;

import com.nusomi.recorder.recorder.capture.x11.X11WindowLocator;
import java.io.File;
import java.util.List;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/**
 * Run by {@link ScaledCaptureTest} in a JVM of its own whose Java UI scale is not 1: takes one masked capture of
 * the primary screen the way a recording does and writes it as PNG to the path given, masking the title given.
 */
public final class ScaledCaptureProbe {
    private ScaledCaptureProbe() {}

    public static void main(String[] args) throws Exception {
        try (X11WindowLocator windows = new X11WindowLocator()) {
            MaskedCapture capture = new MaskedCapture(
                    new RobotScreenSource(),
                    windows,
                    new Masks(ProcessHandle.current().pid(), List.of(Pattern.compile(args[1]))),
                    List::of);
            MaskedCapture.Frame frame = capture.capture(ScreenSelection.primary());
            ImageIO.write(frame.rgb(), "png", new File(args[0]));
        }
        System.exit(0);
    }
}
