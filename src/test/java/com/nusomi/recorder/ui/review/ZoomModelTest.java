package com.nusomi.recorder.ui.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Where the frame sits in the viewer: fit, zoom steps, real size, zoom around a point, pan to the edges. */
class ZoomModelTest {
    private static ZoomModel fitted() {
        ZoomModel z = new ZoomModel();
        z.setView(960, 700);
        z.setImage(1920, 1080);
        return z;
    }

    @Test
    void fitShowsTheWholeFrameAsLargeAsTheViewAllowsAndCentresIt() {
        ZoomModel z = fitted();
        assertThat(z.fitProperty().get()).isTrue();
        assertThat(z.scaleProperty().get()).isEqualTo(0.5);
        assertThat(z.widthProperty().get()).isEqualTo(960);
        assertThat(z.heightProperty().get()).isEqualTo(540);
        assertThat(z.xProperty().get()).isZero();
        assertThat(z.yProperty().get()).as("centred vertically").isEqualTo(80);
        assertThat(z.percent().get()).isEqualTo("50%");
    }

    @Test
    void fitFollowsTheViewAsItIsResized() {
        ZoomModel z = fitted();
        z.setView(480, 700);
        assertThat(z.scaleProperty().get()).isEqualTo(0.25);
        z.setView(1920, 540);
        assertThat(z.scaleProperty().get()).as("the height limits it now").isEqualTo(0.5);
        assertThat(z.xProperty().get()).isEqualTo(480);
    }

    @Test
    void stepsInAndOutScaleByTheStepAndLeaveFit() {
        ZoomModel z = fitted();
        z.zoomSteps(1);
        assertThat(z.fitProperty().get()).isFalse();
        assertThat(z.scaleProperty().get()).isCloseTo(0.5 * ZoomModel.STEP, within(1e-9));
        z.zoomSteps(-2);
        assertThat(z.scaleProperty().get()).isCloseTo(0.5 / ZoomModel.STEP, within(1e-9));
        z.setView(480, 700);
        assertThat(z.scaleProperty().get())
                .as("a resize does not refit once zoomed")
                .isCloseTo(0.5 / ZoomModel.STEP, within(1e-9));
    }

    @Test
    void actualSizeIsOneFramePixelToOneViewPixelAroundTheCentre() {
        ZoomModel z = fitted();
        z.onActualSize();
        assertThat(z.scaleProperty().get()).isEqualTo(1);
        assertThat(z.percent().get()).isEqualTo("100%");
        // the frame's centre (960, 540) was under the view's centre (480, 350) and stays there
        assertThat(z.xProperty().get()).isEqualTo(480 - 960);
        assertThat(z.yProperty().get()).isEqualTo(350 - 540);
        z.onFit();
        assertThat(z.fitProperty().get()).isTrue();
        assertThat(z.scaleProperty().get()).isEqualTo(0.5);
    }

    @Test
    void zoomAtKeepsThePointUnderThePointer() {
        ZoomModel z = fitted();
        // the frame's pixel (200, 300) is at the view's (100, 230) when fitted
        z.zoomAt(2, 100, 230);
        assertThat(z.scaleProperty().get()).isEqualTo(1);
        assertThat(z.xProperty().get() + 200 * 1.0).isEqualTo(100);
        assertThat(z.yProperty().get() + 300 * 1.0).isEqualTo(230);
    }

    @Test
    void scaleStaysWithinItsBounds() {
        ZoomModel z = fitted();
        z.zoomAt(1000, 0, 0);
        assertThat(z.scaleProperty().get()).isEqualTo(ZoomModel.MAX_SCALE);
        z.zoomAt(1e-6, 0, 0);
        assertThat(z.scaleProperty().get()).isEqualTo(ZoomModel.MIN_SCALE);
    }

    @Test
    void panMovesALargeFrameNoFurtherThanItsEdges() {
        ZoomModel z = fitted();
        z.onActualSize();
        z.panBy(100, 50);
        assertThat(z.xProperty().get()).isEqualTo(-480 + 100);
        assertThat(z.yProperty().get()).isEqualTo(-190 + 50);
        z.panBy(10_000, 10_000);
        assertThat(z.xProperty().get()).as("its left edge at the view's").isZero();
        assertThat(z.yProperty().get()).isZero();
        z.panBy(-10_000, -10_000);
        assertThat(z.xProperty().get()).as("its right edge at the view's").isEqualTo(960 - 1920);
        assertThat(z.yProperty().get()).isEqualTo(700 - 1080);
    }

    @Test
    void aFrameSmallerThanTheViewStaysCentredWhenPanned() {
        ZoomModel z = new ZoomModel();
        z.setView(800, 600);
        z.setImage(400, 200);
        z.onActualSize();
        z.panBy(300, 300);
        assertThat(z.xProperty().get()).isEqualTo(200);
        assertThat(z.yProperty().get()).isEqualTo(200);
    }
}
