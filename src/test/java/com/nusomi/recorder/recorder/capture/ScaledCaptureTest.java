package com.nusomi.recorder.recorder.capture;

import static org.assertj.core.api.Assertions.assertThat;

import com.nusomi.recorder.desktop.FrameCheck;
import com.nusomi.recorder.desktop.XDesktop;
import com.nusomi.recorder.desktop.XTerm;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Masks at a Java UI scale of 200% ({@code sun.java2d.uiScale=2}, as a HiDPI desktop sets it): Java's screen
 * units are then half the X server's pixels, which window lookup and input use. The capture must come back at
 * device resolution with the masks in place.
 */
@Tag("display")
@ExtendWith(XDesktop.class)
class ScaledCaptureTest {
    /** Through the shipped source (on X11 the X server's own pixels) and through AWT's Robot. */
    @ParameterizedTest
    @ValueSource(strings = {"platform", "robot"})
    void masksLineUpWhenJavaScalesItsUnits(String capture, @TempDir Path dir) throws Exception {
        try (XTerm secret = XTerm.open("Scaled secret", "#ff00ff", 300, 200, 500, 300);
                XTerm front = XTerm.open("Scaled front", "#00ff00", 600, 350, 400, 300)) {
            Path png = dir.resolve("scaled.png");
            String java =
                    Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process p = new ProcessBuilder(
                            java,
                            "-Dsun.java2d.uiScale=2",
                            "-Djava.awt.headless=false",
                            "-Drecorder.capture=" + capture,
                            "-cp",
                            System.getProperty("java.class.path"),
                            ScaledCaptureProbe.class.getName(),
                            png.toString(),
                            "Scaled secret")
                    .inheritIO()
                    .start();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isZero();
            BufferedImage frame = ImageIO.read(png.toFile());
            assertThat(frame.getWidth()).as("device pixels, not Java's").isEqualTo(1600);
            assertThat(FrameCheck.count(frame, 0xff00ff))
                    .as("the private window's colour")
                    .isZero();
            Rectangle secretFrame = secret.frame();
            Rectangle frontFrame = front.frame();
            long visibleSecret = 0;
            long leaked = 0;
            for (int y = secretFrame.y + 2; y < secretFrame.y + secretFrame.height - 2; y++) {
                for (int x = secretFrame.x + 2; x < secretFrame.x + secretFrame.width - 2; x++) {
                    Rectangle grown = new Rectangle(
                            frontFrame.x - 2, frontFrame.y - 2, frontFrame.width + 4, frontFrame.height + 4);
                    if (!grown.contains(x, y)) {
                        visibleSecret++;
                        if ((frame.getRGB(x, y) & 0xffffff) != 0) {
                            leaked++;
                        }
                    }
                }
            }
            assertThat(visibleSecret).isGreaterThan(50_000);
            assertThat(leaked)
                    .as("pixels of the private frame, title bar included, not black")
                    .isZero();
            Rectangle client = front.client();
            long green = FrameCheck.count(frame.getSubimage(client.x, client.y, client.width, client.height), 0x00ff00);
            assertThat((double) green / ((long) client.width * client.height))
                    .as("the front window recorded")
                    .isGreaterThanOrEqualTo(0.99);
        }
    }
}
