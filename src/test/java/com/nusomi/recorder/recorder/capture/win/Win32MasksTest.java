package com.nusomi.recorder.recorder.capture.win;

import static org.assertj.core.api.Assertions.assertThat;

import com.nusomi.recorder.recorder.capture.DesktopSnapshot;
import com.nusomi.recorder.recorder.capture.MaskPlan;
import com.nusomi.recorder.recorder.capture.Masks;
import java.awt.Rectangle;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Masks planned from a Win32 snapshot: a private window is blacked out only where it is visible. */
class Win32MasksTest {
    private static final long OWN_PID = 7412;
    private static final Rectangle SCREEN = new Rectangle(0, 0, 1920, 1080);

    private final Masks masks = new Masks(OWN_PID, List.of(Pattern.compile("Payroll|Budget")));

    @Test
    void masksThePrivateWindowWhereNothingIsAboveItAndOurOwnWindowWhole() throws Exception {
        MaskPlan plan = masks.plan(snapshot(RecordedWin32Api.fromResource("windows11-desktop.json")));

        // Excel 1500x990, less Notepad (600x400), the mini recorder (100x80) and the taskbar (1500x8) above it,
        // plus the mini recorder itself (380x80); the overlay above everything takes nothing away
        long excel = 1500L * 990 - 600 * 400 - 100 * 80 - 1500 * 8;
        assertThat(plan.blackAll()).isFalse();
        assertThat(plan.maskedPixels(SCREEN)).isEqualTo(excel + 380 * 80);
        assertThat(masked(plan, 400, 200)).as("Excel, nothing above").isTrue();
        assertThat(masked(plan, 1000, 500)).as("Notepad, in front of Excel").isFalse();
        assertThat(masked(plan, 800, 1036)).as("the taskbar, in front of Excel").isFalse();
        assertThat(masked(plan, 1550, 900)).as("our own mini recorder").isTrue();
    }

    @Test
    void doesNotMaskAPrivateWindowOnAnotherVirtualDesktop() throws Exception {
        MaskPlan plan = masks.plan(snapshot(RecordedWin32Api.fromResource("windows11-desktop.json")));

        assertThat(plan.privateWindows()).isEqualTo(1);
        assertThat(masked(plan, 1700, 200))
                .as("inside the cloaked Budget window only")
                .isFalse();
    }

    @Test
    void blacksOutEverythingWhenAPrivateWindowsBoundsCannotBeRead() throws Exception {
        RecordedWin32Api.Window unreadable = new RecordedWin32Api.Window(
                "0x7c", true, false, 0, "0x100", null, null, 10344, "Payroll 2026.xlsx - Excel");
        MaskPlan plan = masks.plan(snapshot(new RecordedWin32Api(0, List.of(unreadable))));

        assertThat(plan.blackAll()).isTrue();
        assertThat(plan.maskedPixels(SCREEN)).isEqualTo(1920L * 1080);
    }

    private static DesktopSnapshot snapshot(RecordedWin32Api api) throws Exception {
        return new Win32WindowLocator(() -> api, OWN_PID).snapshot();
    }

    private static boolean masked(MaskPlan plan, int x, int y) {
        return plan.rectangles().stream().anyMatch(r -> r.contains(x, y));
    }
}
