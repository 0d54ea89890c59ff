package com.nusomi.recorder.recorder.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MasksTest {
    private static final long OWN = 100;
    private final Masks masks = new Masks(OWN, List.of(Pattern.compile("Online Banking")));

    private static DesktopWindow window(long id, int x, int y, int w, int h, String title, long pid) {
        return new DesktopWindow(id, new Rectangle(x, y, w, h), title, pid);
    }

    private static long area(List<Rectangle> rects) {
        return rects.stream().mapToLong(r -> (long) r.width * r.height).sum();
    }

    @Test
    void aPrivateWindowIsMaskedWholeWhenNothingCoversIt() {
        MaskPlan plan = masks.plan(
                new DesktopSnapshot(List.of(window(1, 100, 100, 400, 300, "Online Banking - Firefox", 7)), 1));
        assertThat(plan.blackAll()).isFalse();
        assertThat(plan.rectangles()).containsExactly(new Rectangle(100, 100, 400, 300));
        assertThat(plan.privateWindows()).isEqualTo(1);
    }

    @Test
    void aWindowInFrontOfAMaskedOneIsLeftOut() {
        DesktopWindow front = window(2, 300, 200, 400, 300, "Terminal", 8);
        DesktopWindow secret = window(1, 100, 100, 400, 300, "Online Banking", 7);
        MaskPlan plan = masks.plan(new DesktopSnapshot(List.of(front, secret), 2));
        assertThat(area(plan.rectangles())).isEqualTo(400 * 300 - 200 * 200);
        for (Rectangle r : plan.rectangles()) {
            assertThat(r.intersects(front.frame()))
                    .as("%s overlaps the front window", r)
                    .isFalse();
            assertThat(secret.frame().contains(r)).isTrue();
        }
    }

    @Test
    void aWindowBehindAMaskedOneDoesNotShrinkTheMask() {
        DesktopWindow secret = window(1, 100, 100, 400, 300, "Online Banking", 7);
        DesktopWindow behind = window(2, 0, 0, 1000, 800, "Editor", 8);
        MaskPlan plan = masks.plan(new DesktopSnapshot(List.of(secret, behind), 1));
        assertThat(plan.rectangles()).containsExactly(secret.frame());
    }

    @Test
    void theRecordersOwnWindowsAreMaskedByProcessAndOnlyWhereVisible() {
        DesktopWindow popup = window(3, 150, 150, 100, 50, null, OWN);
        DesktopWindow other = window(2, 0, 0, 200, 200, "Terminal", 8);
        DesktopWindow main = window(1, 100, 100, 600, 400, "Session Recorder", OWN);
        MaskPlan plan = masks.plan(new DesktopSnapshot(List.of(popup, other, main), 1));
        // the popup whole (it is on top); the main window less what the terminal (100..200 × 100..200) and the
        // popup cover; the popup's own part over the terminal (150..200 × 150..200) counted once
        assertThat(area(plan.rectangles())).isEqualTo(100 * 50 + (600 * 400 - 100 * 100 - (100 * 50 - 50 * 50)));
        assertThat(plan.rectangles()).noneMatch(r -> r.intersects(new Rectangle(100, 100, 50, 50)));
    }

    @Test
    void aPrivateWindowWithoutAKnownPlaceBlacksOutTheWholeFrame() {
        MaskPlan plan = masks.plan(new DesktopSnapshot(
                List.of(window(2, 0, 0, 100, 100, "Terminal", 8), new DesktopWindow(1, null, "Online Banking", 7)), 2));
        assertThat(plan.blackAll()).isTrue();
        assertThat(plan.reason()).contains("Online Banking");
    }

    @Test
    void anOrdinaryWindowWithoutAKnownPlaceHidesNothing() {
        DesktopWindow secret = window(1, 100, 100, 400, 300, "Online Banking", 7);
        MaskPlan plan = masks.plan(new DesktopSnapshot(List.of(new DesktopWindow(2, null, "Terminal", 8), secret), 1));
        assertThat(plan.blackAll()).isFalse();
        assertThat(plan.rectangles()).containsExactly(secret.frame());
    }

    @Test
    void withoutTheDesktopPrivacyPatternsFailClosedAndOwnWindowsFallBackToTheirRectangles() {
        assertThat(masks.planWithoutDesktop("no display", List.of()).blackAll()).isTrue();
        Masks noPatterns = new Masks(OWN, List.of());
        MaskPlan plan = noPatterns.planWithoutDesktop("no display", List.of(new Rectangle(1, 2, 3, 4)));
        assertThat(plan.blackAll()).isFalse();
        assertThat(plan.rectangles()).containsExactly(new Rectangle(1, 2, 3, 4));
    }

    @Test
    void subtractingLeavesDisjointRectanglesThatCoverExactlyTheDifference() {
        Rectangle r = new Rectangle(0, 0, 10, 10);
        List<Rectangle> parts = Masks.subtract(List.of(r), new Rectangle(3, 3, 4, 4));
        assertThat(area(parts)).isEqualTo(100 - 16);
        for (int i = 0; i < parts.size(); i++) {
            for (int j = i + 1; j < parts.size(); j++) {
                assertThat(parts.get(i).intersects(parts.get(j))).isFalse();
            }
        }
        assertThat(Masks.subtract(List.of(r), new Rectangle(20, 20, 5, 5))).containsExactly(r);
        assertThat(Masks.subtract(List.of(r), new Rectangle(-5, -5, 30, 30))).isEmpty();
    }

    @Test
    void aPlanPaintsOnlyItsRectanglesAndScalesToAScaledCapture() {
        MaskPlan plan = new MaskPlan(List.of(new Rectangle(110, 20, 5, 5)), false, null, 0);
        BufferedImage image = white(40, 40);
        plan.paint(image, new Rectangle(100, 0, 40, 40));
        assertThat(image.getRGB(10, 20) & 0xffffff).isZero();
        assertThat(image.getRGB(14, 24) & 0xffffff).isZero();
        assertThat(image.getRGB(15, 24) & 0xffffff).isEqualTo(0xffffff);
        assertThat(image.getRGB(9, 20) & 0xffffff).isEqualTo(0xffffff);

        BufferedImage doubled = white(80, 80); // a capture at 200%: 2 image pixels per desktop pixel
        plan.paint(doubled, new Rectangle(100, 0, 40, 40));
        assertThat(doubled.getRGB(20, 40) & 0xffffff).isZero();
        assertThat(doubled.getRGB(29, 49) & 0xffffff).isZero();
        assertThat(doubled.getRGB(30, 40) & 0xffffff).isEqualTo(0xffffff);
    }

    private static BufferedImage white(int w, int h) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                image.setRGB(x, y, 0xffffff);
            }
        }
        return image;
    }
}
