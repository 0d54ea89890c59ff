package com.nusomi.recorder.recorder.capture.mac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nusomi.recorder.recorder.capture.DesktopSnapshot;
import com.nusomi.recorder.recorder.capture.DesktopWindow;
import com.nusomi.recorder.recorder.capture.MaskPlan;
import com.nusomi.recorder.recorder.capture.Masks;
import com.nusomi.recorder.recorder.capture.WindowLookupException;
import java.awt.Rectangle;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** The macOS window lookup, replaying CoreGraphics' window list (sonoma-*.json: 1440x900 points, our pid 5120). */
class MacWindowLocatorTest {
    private static final long OWN_PID = 5120;
    private static final long OWN_POPUP = 2201;
    private static final long MINI_RECORDER = 2188;
    private static final long SHEETS = 1504;
    private static final long TERMINAL = 1622;

    private final RecordedCgWindowList desktop = RecordedCgWindowList.fromResource("sonoma-desktop.json");

    @Test
    void listsWindowsFrontToBack() throws Exception {
        assertThat(ids(snapshot(desktop))).containsExactly(OWN_POPUP, MINI_RECORDER, SHEETS, TERMINAL);
    }

    @Test
    void leavesOutWindowsWithAlphaZero() throws Exception {
        assertThat(ids(snapshot(desktop))).doesNotContain(47L, 1811L);
    }

    @Test
    void leavesOutTheDockMenuBarAndStatusItemsOfOtherProcesses() throws Exception {
        assertThat(ids(snapshot(desktop))).doesNotContain(36L, 52L, 29L, 41L);
    }

    @Test
    void keepsOwnWindowsAtAnyLevel() throws Exception {
        assertThat(window(snapshot(desktop), OWN_POPUP).frame()).isEqualTo(new Rectangle(1210, 610, 180, 96));
    }

    @Test
    void leavesOutEmptyWindows() throws Exception {
        assertThat(ids(snapshot(desktop))).doesNotContain(1733L);
    }

    @Test
    void readsTitlesOwnersAndBounds() throws Exception {
        DesktopWindow sheets = window(snapshot(desktop), SHEETS);

        assertThat(sheets.title()).isEqualTo("Payroll – Google Sheets");
        assertThat(sheets.pid()).isEqualTo(733);
        assertThat(sheets.frame()).isEqualTo(new Rectangle(40, 60, 1200, 760));
        assertThat(window(snapshot(desktop), OWN_POPUP).title())
                .as("an empty name is no title")
                .isNull();
    }

    @Test
    void theActiveWindowIsTheFrontmostVisibleNormalWindow() throws Exception {
        DesktopSnapshot s = snapshot(desktop);

        assertThat(s.activeId())
                .as("not our floating mini recorder, not the invisible Finder window")
                .isEqualTo(SHEETS);
        assertThat(s.active().title()).isEqualTo("Payroll – Google Sheets");
    }

    @Test
    void withoutTheScreenRecordingPermissionOnlyOwnTitlesAreKnown() throws Exception {
        DesktopSnapshot s = snapshot(RecordedCgWindowList.fromResource("sonoma-no-screen-recording.json"));

        assertThat(window(s, MINI_RECORDER).title()).isEqualTo("Session Recorder");
        assertThat(window(s, SHEETS).title()).isNull();
        assertThat(window(s, SHEETS).frame()).isEqualTo(new Rectangle(40, 60, 1200, 760));
    }

    @Test
    void readsTheBoundsDictionary() {
        assertThat(MacWindowLocator.frame(Map.of("X", 0, "Y", 24, "Width", 1440, "Height", 876)))
                .isEqualTo(new Rectangle(0, 24, 1440, 876));
        assertThat(MacWindowLocator.frame(Map.of("X", -1920.0, "Y", -180.0, "Width", 1920.0, "Height", 1080.0)))
                .as("a display left of and above the main one")
                .isEqualTo(new Rectangle(-1920, -180, 1920, 1080));
    }

    @Test
    void roundsFractionalBoundsOutwards() {
        assertThat(MacWindowLocator.frame(Map.of("X", 10.25, "Y", 20.5, "Width", 100.5, "Height", 50.25)))
                .isEqualTo(new Rectangle(10, 20, 101, 51));
    }

    @Test
    void incompleteBoundsAreUnknown() {
        assertThat(MacWindowLocator.frame(Map.of("X", 0, "Y", 24, "Width", 1440)))
                .isNull();
        assertThat(MacWindowLocator.frame("{0, 24, 1440, 876}")).isNull();
        assertThat(MacWindowLocator.frame(null)).isNull();
    }

    @Test
    void keepsAWindowWithoutBoundsWithoutAFrame() throws Exception {
        Map<String, Object> noBounds = Map.of(
                CgWindowList.NUMBER,
                77,
                CgWindowList.LAYER,
                0,
                CgWindowList.ALPHA,
                1,
                CgWindowList.OWNER_PID,
                733,
                CgWindowList.NAME,
                "Payroll – Google Sheets");
        DesktopSnapshot s = snapshot(new RecordedCgWindowList(List.of(noBounds)));

        assertThat(window(s, 77).hasFrame()).isFalse();
    }

    @Test
    void aPrivateWindowUnderTheDocksOverlayIsStillMasked() throws Exception {
        Masks masks = new Masks(OWN_PID, List.of(Pattern.compile("Payroll")));
        MaskPlan plan = masks.plan(snapshot(desktop));

        // Sheets (1200x760) and our two windows overlapping it and each other, all masked: their union
        long own = 180L * 96 + 320 * 64 - 180 * 26;
        long sheetsUnderOwn = 30L * 96 + 160 * 64 - 30 * 26;
        assertThat(plan.maskedPixels(new Rectangle(0, 0, 1440, 900))).isEqualTo(1200L * 760 - sheetsUnderOwn + own);
        assertThat(plan.rectangles()).anyMatch(r -> r.contains(600, 400));
        assertThat(plan.rectangles()).as("the desktop right of Sheets").noneMatch(r -> r.contains(1300, 300));
    }

    @Test
    void aWindowListThatCannotBeHadIsALookupFailure() {
        CgWindowList broken = new CgWindowList() {
            @Override
            public List<Map<String, Object>> onScreenWindows() {
                throw new IllegalStateException("the window server gave no window list (no GUI session)");
            }

            @Override
            public void close() {}
        };

        assertThatThrownBy(() -> new MacWindowLocator(() -> broken, OWN_PID).snapshot())
                .isInstanceOf(WindowLookupException.class)
                .hasMessageContaining("no GUI session");
    }

    @Test
    void loadsNothingBeforeTheFirstSnapshotAndReleasesOnClose() throws Exception {
        AtomicInteger loads = new AtomicInteger();
        MacWindowLocator locator = new MacWindowLocator(
                () -> {
                    loads.incrementAndGet();
                    return desktop;
                },
                OWN_PID);

        assertThat(locator.describe()).contains("CoreGraphics");
        assertThat(loads).hasValue(0);
        locator.snapshot();
        locator.snapshot();
        locator.close();
        assertThat(loads).hasValue(1);
        assertThat(desktop.closed).isTrue();
    }

    @Test
    void aLibraryThatDoesNotLoadIsALookupFailureAndIsNotLoadedAgain() {
        AtomicInteger loads = new AtomicInteger();
        MacWindowLocator locator = new MacWindowLocator(
                () -> {
                    loads.incrementAndGet();
                    throw new UnsatisfiedLinkError("Unable to load library 'CoreGraphics'");
                },
                OWN_PID);

        assertThatThrownBy(locator::snapshot)
                .isInstanceOf(WindowLookupException.class)
                .hasMessageContaining("CoreGraphics");
        assertThatThrownBy(locator::snapshot).isInstanceOf(WindowLookupException.class);
        assertThat(loads).hasValue(1);
    }

    @Test
    @DisabledOnOs(OS.MAC)
    void theRealBindingFailsAsALookupFailureOffMacOs() {
        try (MacWindowLocator locator = new MacWindowLocator()) {
            assertThatThrownBy(locator::snapshot)
                    .isInstanceOf(WindowLookupException.class)
                    .hasMessageContaining("cannot be loaded");
        }
    }

    private static DesktopSnapshot snapshot(CgWindowList list) throws WindowLookupException {
        return new MacWindowLocator(() -> list, OWN_PID).snapshot();
    }

    private static List<Long> ids(DesktopSnapshot s) {
        return s.topFirst().stream().map(DesktopWindow::id).toList();
    }

    private static DesktopWindow window(DesktopSnapshot s, long id) {
        return s.topFirst().stream()
                .filter(w -> w.id() == id)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no window " + id + " in " + s));
    }
}
