package com.nusomi.recorder.recorder.capture.x11;

import static org.assertj.core.api.Assertions.assertThat;

import com.nusomi.recorder.desktop.BareXvfb;
import com.nusomi.recorder.desktop.XDesktop;
import com.nusomi.recorder.desktop.XTerm;
import com.nusomi.recorder.recorder.capture.RobotScreenSource;
import com.nusomi.recorder.recorder.capture.ScreenSelection;
import com.nusomi.recorder.recorder.capture.ScreenSource;
import com.nusomi.recorder.recorder.capture.SyntheticScreenSource;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The X server's own pixels, read over XCB, against AWT's Robot (GTK 3's pixbuf of the root window, an independent
 * path) on the display tests' Xvfb with Openbox: real xterms stacked over each other, moved between captures.
 */
@Tag("display")
@ExtendWith(XDesktop.class)
class XcbScreenSourceTest {
    private static final int MAGENTA = 0xff00ff;
    private static final int GREEN = 0x00ff00;

    /** Through memory shared with the X server (MIT-SHM) and, as on a remote display, in the server's reply. */
    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void capturesTheScreenPixelForPixelAsRobotDoes(boolean shareMemory) throws Exception {
        try (XTerm back = XTerm.open("xcb-back", "#ff00ff", 100, 100, 400, 300);
                XTerm front = XTerm.open("xcb-front", "#00ff00", 300, 250, 400, 300);
                ScreenSource robot = new RobotScreenSource();
                XcbScreenSource xcb = new XcbScreenSource(new RobotScreenSource(), null, shareMemory)) {
            BufferedImage own = xcb.capture(ScreenSelection.primary()).image();
            assertThat(xcb.fallbackReason()).as("reads the X server itself").isNull();
            assertThat(xcb.sharesMemory()).as("through shared memory").isEqualTo(shareMemory);
            BufferedImage reference = robot.capture(ScreenSelection.primary()).image();

            assertThat(differing(own, reference)).as("pixels unlike Robot's").isZero();
            Rectangle backClient = back.client();
            Rectangle frontClient = front.client();
            assertThat(own.getRGB(backClient.x + 10, backClient.y + 10) & 0xffffff)
                    .isEqualTo(MAGENTA);
            assertThat(own.getRGB(frontClient.x + 10, frontClient.y + 10) & 0xffffff)
                    .isEqualTo(GREEN);
            // where the front window covers the back one, the front one is what the picture shows
            assertThat(own.getRGB(frontClient.x + 10, backClient.y + backClient.height - 10) & 0xffffff)
                    .isEqualTo(GREEN);
            assertThat(own.getRaster().getDataBuffer().getElem(frontClient.y * own.getWidth() + frontClient.x) >>> 24)
                    .as("no byte above the colours")
                    .isZero();
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void reusesItsImageAndShowsWhereAWindowMoved(boolean shareMemory) throws Exception {
        try (XTerm term = XTerm.open("xcb-moving", "#ff00ff", 100, 100, 300, 200);
                ScreenSource robot = new RobotScreenSource();
                XcbScreenSource xcb = new XcbScreenSource(new RobotScreenSource(), null, shareMemory)) {
            ScreenSource.Capture first = xcb.capture(ScreenSelection.primary());
            Rectangle before = term.client();
            assertThat(first.image().getRGB(before.x + 5, before.y + 5) & 0xffffff)
                    .isEqualTo(MAGENTA);

            term.place(700, 500, 300, 200);
            Rectangle after = term.client();
            ScreenSource.Capture second = xcb.capture(ScreenSelection.primary());

            assertThat(second.image()).as("the same image, overwritten").isSameAs(first.image());
            assertThat(second.image().getRGB(before.x + 5, before.y + 5) & 0xffffff)
                    .isNotEqualTo(MAGENTA);
            assertThat(second.image().getRGB(after.x + 5, after.y + 5) & 0xffffff)
                    .isEqualTo(MAGENTA);
            assertThat(differing(
                            second.image(),
                            robot.capture(ScreenSelection.primary()).image()))
                    .as("pixels unlike Robot's after the move")
                    .isZero();
        }
    }

    /** A 16-bit screen (a remote or old X server) is not read as ints: every capture goes to the fallback. */
    @Test
    void aScreenNotOf24BitsGoesToTheFallback() throws Exception {
        String display = BareXvfb.freeDisplay(150);
        Process xvfb = BareXvfb.start(display, "320x240x16");
        SyntheticScreenSource synthetic = new SyntheticScreenSource(320, 240, false);
        try (XcbScreenSource xcb = new XcbScreenSource(synthetic, display)) {
            BufferedImage shot = xcb.capture(ScreenSelection.primary()).image();

            assertThat(xcb.fallbackReason()).contains("depth is 16 bits");
            assertThat(synthetic.captures()).isEqualTo(1);
            assertThat(shot.getWidth()).isEqualTo(320);
        } finally {
            xvfb.destroy();
            xvfb.waitFor();
        }
    }

    /** An X server without MIT-SHM (as some remote and nested servers are): the pixels come in the reply. */
    @Test
    void aServerWithoutSharedMemoryGivesThePixelsInItsReply() throws Exception {
        String display = BareXvfb.freeDisplay(150);
        Process xvfb = BareXvfb.start(display, "320x240x24", "-extension", "MIT-SHM");
        SyntheticScreenSource monitors = new SyntheticScreenSource(320, 240, false);
        try (XcbScreenSource xcb = new XcbScreenSource(monitors, display)) {
            BufferedImage first = xcb.capture(ScreenSelection.primary()).image();
            BufferedImage second = xcb.capture(ScreenSelection.primary()).image();

            assertThat(xcb.fallbackReason()).isNull();
            assertThat(xcb.sharesMemory()).isFalse();
            assertThat(monitors.captures())
                    .as("captures that went to the fallback")
                    .isZero();
            assertThat(second).isSameAs(first);
            assertThat(second.getWidth()).isEqualTo(320);
        } finally {
            xvfb.destroy();
            xvfb.waitFor();
        }
    }

    private static long differing(BufferedImage a, BufferedImage b) {
        assertThat(List.of(a.getWidth(), a.getHeight())).isEqualTo(List.of(b.getWidth(), b.getHeight()));
        long n = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                if ((a.getRGB(x, y) & 0xffffff) != (b.getRGB(x, y) & 0xffffff)) {
                    n++;
                }
            }
        }
        return n;
    }
}
