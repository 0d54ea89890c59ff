package com.nusomi.recorder.recorder.capture.win;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nusomi.recorder.recorder.capture.DesktopSnapshot;
import com.nusomi.recorder.recorder.capture.DesktopWindow;
import com.nusomi.recorder.recorder.capture.WindowLookupException;
import java.awt.Rectangle;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** The Win32 window lookup, replaying user32 and DWM answers (windows11-desktop.json: 1920x1080, our pid 7412). */
class Win32WindowLocatorTest {
    private static final long OWN_PID = 7412;
    private static final long TASKBAR = 0x00010140L;
    private static final long MINI_RECORDER = 0x001A0B24L;
    private static final long NOTEPAD = 0x00020A56L;
    private static final long EXCEL = 0x000405E8L;
    private static final long COMMAND_PROMPT = 0x00091176L;
    private static final long CLOSING = 0x000A1288L;
    private static final long PROGRAM_MANAGER = 0x000100FAL;

    private final RecordedWin32Api desktop = RecordedWin32Api.fromResource("windows11-desktop.json");

    @Test
    void listsVisibleWindowsInEnumWindowsOrderTopmostFirst() throws Exception {
        assertThat(ids(snapshot(desktop)))
                .containsExactly(TASKBAR, MINI_RECORDER, NOTEPAD, EXCEL, COMMAND_PROMPT, CLOSING, PROGRAM_MANAGER);
    }

    @Test
    void leavesOutInvisibleMinimisedCloakedAndEmptyWindows() throws Exception {
        assertThat(ids(snapshot(desktop)))
                .doesNotContain(0x00070F52L, 0x00060E40L, 0x00030C1AL, 0x00050D2EL, 0x00081064L);
    }

    @Test
    void leavesOutClickThroughOverlays() throws Exception {
        assertThat(ids(snapshot(desktop))).doesNotContain(0x000103C2L);
    }

    @Test
    void keepsLayeredWindowsThatTakeClicks() throws Exception {
        RecordedWin32Api.Window layered = new RecordedWin32Api.Window(
                "0x2b0c",
                true,
                false,
                0,
                "0x00080100",
                new int[] {10, 10, 210, 110},
                new int[] {10, 10, 210, 110},
                321,
                "Translucent notes");
        DesktopSnapshot s = snapshot(new RecordedWin32Api(0, List.of(layered)));

        assertThat(ids(s)).containsExactly(0x2b0cL);
    }

    @Test
    void takesTheFrameFromDwmsExtendedBoundsRatherThanGetWindowRect() throws Exception {
        assertThat(window(snapshot(desktop), EXCEL).frame()).isEqualTo(new Rectangle(100, 50, 1500, 990));
    }

    @Test
    void fallsBackToGetWindowRectWhenDwmCannotSay() throws Exception {
        assertThat(window(snapshot(desktop), COMMAND_PROMPT).frame()).isEqualTo(new Rectangle(20, 20, 780, 480));
    }

    @Test
    void keepsAWindowWhoseBoundsCannotBeReadWithoutAFrame() throws Exception {
        DesktopWindow closing = window(snapshot(desktop), CLOSING);

        assertThat(closing.hasFrame()).isFalse();
        assertThat(closing.title()).isEqualTo("Printing");
    }

    @Test
    void readsTitlesAndOwningProcesses() throws Exception {
        DesktopSnapshot s = snapshot(desktop);

        assertThat(window(s, EXCEL).title()).isEqualTo("Payroll 2026.xlsx - Excel");
        assertThat(window(s, EXCEL).pid()).isEqualTo(10344);
        assertThat(window(s, MINI_RECORDER).pid()).isEqualTo(OWN_PID);
        assertThat(window(s, TASKBAR).title()).as("an empty title is no title").isNull();
    }

    @Test
    void anUnknownProcessIsMinusOne() throws Exception {
        DesktopSnapshot s =
                snapshot(new RecordedWin32Api(0, List.of(RecordedWin32Api.plain(0x44, 0, "Gone", 0, 0, 100, 100))));

        assertThat(s.topFirst().get(0).pid()).isEqualTo(-1);
    }

    @Test
    void readsOwnWindowTitlesWithoutSendingAMessageToTheirThread() throws Exception {
        DesktopSnapshot s = snapshot(desktop);

        assertThat(window(s, MINI_RECORDER).title()).isEqualTo("Session Recorder");
        assertThat(desktop.calls)
                .contains("InternalGetWindowText 0x1a0b24")
                .doesNotContain("GetWindowTextW 0x1a0b24")
                .contains("GetWindowTextW 0x405e8");
    }

    @Test
    void theForegroundWindowIsTheActiveOne() throws Exception {
        assertThat(snapshot(desktop).active().title()).isEqualTo("Payroll 2026.xlsx - Excel");
    }

    @Test
    void aForegroundWindowThatIsNotVisibleGivesNoActiveWindow() throws Exception {
        RecordedWin32Api.Window cloaked = new RecordedWin32Api.Window(
                "0x51",
                true,
                false,
                1,
                "0x100",
                new int[] {0, 0, 800, 600},
                new int[] {0, 0, 800, 600},
                99,
                "Other desktop");
        RecordedWin32Api api =
                new RecordedWin32Api(0x51, List.of(cloaked, RecordedWin32Api.plain(0x52, 98, "Here", 0, 0, 400, 300)));

        assertThat(snapshot(api).active()).isNull();
    }

    @Test
    void readsUnderPerMonitorAwarenessAndRestoresTheThreadsContext() throws Exception {
        snapshot(desktop);

        assertThat(desktop.calls.get(0)).isEqualTo("SetThreadDpiAwarenessContext(PER_MONITOR_AWARE_V2)");
        assertThat(desktop.calls.get(1)).isEqualTo("EnumWindows");
        assertThat(desktop.calls.get(desktop.calls.size() - 1)).isEqualTo("SetThreadDpiAwarenessContext(0x6011)");
    }

    @Test
    void aFailedWalkIsALookupFailureAndStillRestoresTheContext() {
        desktop.failingEnumeration(new IllegalStateException("EnumWindows failed (error 5)"));

        assertThatThrownBy(() -> snapshot(desktop))
                .isInstanceOf(WindowLookupException.class)
                .hasMessageContaining("EnumWindows failed");
        assertThat(desktop.calls).endsWith("EnumWindows", "SetThreadDpiAwarenessContext(0x6011)");
    }

    @Test
    void loadsNothingBeforeTheFirstSnapshot() {
        AtomicInteger loads = new AtomicInteger();
        Win32WindowLocator locator = new Win32WindowLocator(counting(loads, () -> desktop), OWN_PID);

        assertThat(locator.supported()).isTrue();
        assertThat(locator.describe()).contains("Win32");
        assertThat(loads).hasValue(0);
    }

    @Test
    void aLibraryThatDoesNotLoadIsALookupFailureAndIsNotLoadedAgain() {
        AtomicInteger loads = new AtomicInteger();
        Win32WindowLocator locator = new Win32WindowLocator(
                counting(loads, () -> {
                    throw new UnsatisfiedLinkError("Unable to load library 'user32'");
                }),
                OWN_PID);

        assertThatThrownBy(locator::snapshot)
                .isInstanceOf(WindowLookupException.class)
                .hasMessageContaining("user32");
        assertThatThrownBy(locator::snapshot).isInstanceOf(WindowLookupException.class);
        assertThat(loads).hasValue(1);
        assertThat(locator.activeWindowTitle()).isNull();
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void theRealBindingFailsAsALookupFailureOffWindows() {
        try (Win32WindowLocator locator = new Win32WindowLocator()) {
            assertThatThrownBy(locator::snapshot)
                    .isInstanceOf(WindowLookupException.class)
                    .hasMessageContaining("cannot be loaded");
        }
    }

    private static DesktopSnapshot snapshot(RecordedWin32Api api) throws WindowLookupException {
        return new Win32WindowLocator(() -> api, OWN_PID).snapshot();
    }

    private static List<Long> ids(DesktopSnapshot s) {
        return s.topFirst().stream().map(DesktopWindow::id).toList();
    }

    private static DesktopWindow window(DesktopSnapshot s, long id) {
        return s.topFirst().stream()
                .filter(w -> w.id() == id)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no window 0x" + Long.toHexString(id) + " in " + s));
    }

    private static <T> Supplier<T> counting(AtomicInteger count, Supplier<T> supplier) {
        return () -> {
            count.incrementAndGet();
            return supplier.get();
        };
    }
}
