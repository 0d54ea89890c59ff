package com.nusomi.recorder.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import com.nusomi.recorder.app.settings.Settings.WindowBounds;
import java.util.List;
import javafx.geometry.Dimension2D;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

/** Where the main window opens, from what the settings saved and the screens there are now (no toolkit). */
class WindowPlacementTest {
    private static final Rectangle2D LAPTOP = new Rectangle2D(0, 0, 1920, 1050);
    private static final Rectangle2D RIGHT_MONITOR = new Rectangle2D(1920, 0, 2560, 1400);

    @Test
    void nothingSavedOpensAtTheDefault() {
        assertThat(WindowPlacement.restoredBounds(null, List.of(LAPTOP))).isNull();
    }

    @Test
    void aFirstWindowTakesFourFifthsOfTheScreenWithinTheDefaultAndLargestSizes() {
        assertThat(WindowPlacement.defaultSize(new Rectangle2D(0, 0, 1920, 1040)))
                .isEqualTo(new Dimension2D(1536, 832));
        assertThat(WindowPlacement.defaultSize(new Rectangle2D(1920, 0, 2560, 1400)))
                .isEqualTo(new Dimension2D(1600, 1000));
        assertThat(WindowPlacement.defaultSize(new Rectangle2D(0, 0, 1440, 870)))
                .isEqualTo(new Dimension2D(1200, 780));
        // a small laptop: the default size where it fits, the free area's height where it does not
        assertThat(WindowPlacement.defaultSize(new Rectangle2D(0, 0, 1366, 728)))
                .isEqualTo(new Dimension2D(1200, 728));
    }

    @Test
    void aFirstWindowIsCentredOnTheScreensFreeArea() {
        assertThat(WindowPlacement.defaultBounds(new Rectangle2D(0, 0, 1920, 1040)))
                .isEqualTo(new Rectangle2D(192, 104, 1536, 832));
        // a second monitor, or a panel on the left: centred in that area, not at the desktop's origin
        assertThat(WindowPlacement.defaultBounds(new Rectangle2D(1920, 40, 2560, 1400)))
                .isEqualTo(new Rectangle2D(2400, 240, 1600, 1000));
    }

    @Test
    void aPlaceOnAScreenIsKept() {
        WindowBounds saved = new WindowBounds(100, 80, 1300, 850, false);

        assertThat(WindowPlacement.restoredBounds(saved, List.of(LAPTOP)))
                .isEqualTo(new Rectangle2D(100, 80, 1300, 850));
    }

    @Test
    void aPlaceOnAMonitorThatIsGoneOpensAtTheDefault() {
        WindowBounds onTheRightMonitor = new WindowBounds(2200, 100, 1400, 900, false);

        assertThat(WindowPlacement.restoredBounds(onTheRightMonitor, List.of(LAPTOP, RIGHT_MONITOR)))
                .isEqualTo(new Rectangle2D(2200, 100, 1400, 900));
        assertThat(WindowPlacement.restoredBounds(onTheRightMonitor, List.of(LAPTOP)))
                .isNull();
    }

    @Test
    void aWindowHangingOffTheScreenIsMovedOntoIt() {
        WindowBounds mostlyOffTheRight = new WindowBounds(1700, 500, 1200, 800, false);

        assertThat(WindowPlacement.restoredBounds(mostlyOffTheRight, List.of(LAPTOP)))
                .isEqualTo(new Rectangle2D(720, 250, 1200, 800));
    }

    @Test
    void aWindowLargerThanTheScreenNowIsShrunkToIt() {
        WindowBounds fromABiggerDisplay = new WindowBounds(0, 0, 2400, 1300, false);

        assertThat(WindowPlacement.restoredBounds(fromABiggerDisplay, List.of(LAPTOP)))
                .isEqualTo(new Rectangle2D(0, 0, 1920, 1050));
    }

    @Test
    void aSizeBelowTheMinimumGrowsToIt() {
        WindowBounds tiny = new WindowBounds(10, 10, 300, 200, false);

        assertThat(WindowPlacement.restoredBounds(tiny, List.of(LAPTOP)))
                .isEqualTo(new Rectangle2D(10, 10, WindowPlacement.MIN_WIDTH, WindowPlacement.MIN_HEIGHT));
    }

    @Test
    void onlyACornerOnTheScreenIsNotEnoughToGrabTheWindow() {
        WindowBounds titleBarAboveTheScreen = new WindowBounds(100, -30, 1200, 800, false);
        WindowBounds onlyItsRightEdgeOnTheScreen = new WindowBounds(-1150, 100, 1200, 800, false);

        assertThat(WindowPlacement.restoredBounds(titleBarAboveTheScreen, List.of(LAPTOP)))
                .isNull();
        assertThat(WindowPlacement.restoredBounds(onlyItsRightEdgeOnTheScreen, List.of(LAPTOP)))
                .isNull();
    }

    @Test
    void maximisedWithoutNormalBoundsHasNoPlaceOfItsOwn() {
        assertThat(WindowPlacement.restoredBounds(new WindowBounds(0, 0, 0, 0, true), List.of(LAPTOP)))
                .isNull();
    }
}
