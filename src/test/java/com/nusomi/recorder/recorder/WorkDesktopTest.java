package com.nusomi.recorder.recorder;

import static org.assertj.core.api.Assertions.assertThat;

import com.nusomi.recorder.recorder.capture.DesktopSnapshot;
import com.nusomi.recorder.recorder.capture.DesktopWindow;
import com.nusomi.recorder.recorder.capture.Masks;
import com.nusomi.recorder.recorder.capture.ScreenSelection;
import com.nusomi.recorder.recorder.capture.SyntheticScreenSource;
import com.nusomi.recorder.recorder.capture.WindowLocator;
import java.awt.Rectangle;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkDesktopTest {
    private static final long OWN = 42;
    private final DesktopWindow recorder = new DesktopWindow(1, new Rectangle(0, 0, 300, 200), "Session Recorder", OWN);
    private final DesktopWindow editor = new DesktopWindow(2, new Rectangle(100, 100, 400, 300), "Editor", 7);
    private final DesktopWindow browser = new DesktopWindow(3, new Rectangle(600, 0, 400, 300), "Browser", 8);
    private final WorkDesktop desk = new WorkDesktop(
            WindowLocator.NONE,
            new Masks(OWN, List.of()),
            () -> List.of(new Rectangle(0, 0, 300, 200)),
            new SyntheticScreenSource(320, 200, false),
            ScreenSelection.primary());

    private DesktopSnapshot active(DesktopWindow w) {
        return new DesktopSnapshot(List.of(recorder, editor, browser), w.id());
    }

    @Test
    void theWindowActiveAtTheStartIsNoChangeButTheNextOneIs() {
        assertThat(desk.focusChange(active(editor))).isNull();
        assertThat(desk.focusChange(active(editor))).isNull();
        assertThat(desk.focusChange(active(browser))).isEqualTo(browser);
    }

    @Test
    void theRecordersOwnWindowIsNoChangeAndComingBackToTheSameWindowIsNone() {
        assertThat(desk.focusChange(active(editor))).isNull();
        assertThat(desk.focusChange(active(recorder))).isNull();
        assertThat(desk.focusChange(active(editor))).isNull();
    }

    @Test
    void aRecordingStartedFromTheRecorderReportsTheFirstWorkWindow() {
        assertThat(desk.focusChange(active(recorder))).isNull();
        assertThat(desk.focusChange(active(editor))).isEqualTo(editor);
    }

    @Test
    void aClickIsOwnWhenTheTopmostWindowThereIsOursOrWithoutADesktopInsideOurRectangles() {
        DesktopSnapshot d = active(editor);
        assertThat(desk.isOwnClick(10, 10, d)).isTrue();
        assertThat(desk.isOwnClick(150, 150, d))
                .as("the recorder is on top there")
                .isTrue();
        assertThat(desk.isOwnClick(450, 350, d)).isFalse();
        assertThat(desk.isOwnClick(10, 10, null)).isTrue();
        assertThat(desk.isOwnClick(310, 10, null)).isFalse();
    }

    @Test
    void aClickInsideTheCapturedAreaCarriesItsFramePixels() {
        Map<String, Object> data = new HashMap<>();
        desk.frameScale(2);
        desk.putFramePosition(data, 10, 20);
        assertThat(data).containsEntry("frame_x", 20).containsEntry("frame_y", 40);
        Map<String, Object> outside = new HashMap<>();
        desk.putFramePosition(outside, 1000, 20);
        assertThat(outside).isEmpty();
    }
}
