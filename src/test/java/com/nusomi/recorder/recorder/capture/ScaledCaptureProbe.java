package com.nusomi.recorder.recorder.capture;

import com.nusomi.recorder.recorder.capture.x11.X11WindowLocator;
import com.nusomi.recorder.recorder.capture.x11.XcbScreenSource;
import java.io.File;
import java.util.List;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/**
 * Run by {@link ScaledCaptureTest} in a JVM of its own whose Java UI scale is not 1: takes one masked capture of
 * the primary screen the way a recording does (through {@link ScreenSources#forThisPlatform}, so {@code
 * -Drecorder.capture} chooses) and writes it as PNG to the path given, masking the title given.
 */
public final class ScaledCaptureProbe {
    private ScaledCaptureProbe() {}

    public static void main(String[] args) throws Exception {
        try (X11WindowLocator windows = new X11WindowLocator();
                ScreenSource screen = ScreenSources.forThisPlatform()) {
            MaskedCapture capture = new MaskedCapture(
                    screen,
                    windows,
                    new Masks(ProcessHandle.current().pid(), List.of(Pattern.compile(args[1]))),
                    List::of);
            MaskedCapture.Frame frame = capture.capture(ScreenSelection.primary());
            ImageIO.write(frame.rgb(), "png", new File(args[0]));
            boolean robotAsked = "robot".equals(System.getProperty("recorder.capture"));
            boolean x11Read = screen instanceof XcbScreenSource x && x.fallbackReason() == null;
            if (robotAsked == x11Read) {
                System.err.println("captured through the wrong source: "
                        + screen.getClass().getSimpleName());
                System.exit(3);
            }
        }
        System.exit(0);
    }
}
