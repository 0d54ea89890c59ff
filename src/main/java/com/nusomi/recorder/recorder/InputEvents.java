package com.nusomi.recorder.recorder;

import com.nusomi.recorder.client.request.EventInput;
import com.nusomi.recorder.recorder.capture.DesktopSnapshot;
import com.nusomi.recorder.recorder.capture.DesktopWindow;
import com.nusomi.recorder.recorder.input.InputListener;
import com.nusomi.recorder.recorder.input.MouseButton;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Turns the operator's input into a recording's events. Clicks and keys arrive on the input hook's thread: they
 * are stamped there and handed to the recording's worker, where a click becomes a {@code click} event with its
 * window and place in the frame (and a frame is taken soon after, if the options ask), keys join the current key
 * burst, and input aimed at the recorder's own windows is left out. A change of the active window, seen here or
 * in a frame's desktop ({@link #noteFocus}), becomes a {@code window_focus} event. Only while recording.
 */
final class InputEvents implements InputListener {
    private static final int MAX_WINDOW_TITLE_BYTES = 512;

    private final RecorderOptions options;
    private final SessionCounters counters;
    private final WorkDesktop desk;
    private final EventBuffer events;
    private final RecordingWorker worker;
    private final Runnable captureFrame;
    private final Clock clock;

    InputEvents(
            RecorderOptions options,
            SessionCounters counters,
            WorkDesktop desk,
            EventBuffer events,
            RecordingWorker worker,
            Runnable captureFrame,
            Clock clock) {
        this.options = options;
        this.counters = counters;
        this.desk = desk;
        this.events = events;
        this.worker = worker;
        this.captureFrame = captureFrame;
        this.clock = clock;
    }

    // ---- the input hook's thread: stamp it now, handle it on the worker ----

    @Override
    public void onClick(int x, int y, MouseButton button) {
        Instant at = clock.instant();
        String id = EventInput.newId();
        worker.execute(() -> click(at, id, x, y, button));
    }

    @Override
    public void onKeyPressed(boolean modifierKey, Set<String> modifiers) {
        Instant at = clock.instant();
        Set<String> held = Set.copyOf(modifiers);
        worker.execute(() -> {
            if (recording() && !ownWindowActive()) {
                events.keyPressed(at, modifierKey, held);
            }
        });
    }

    @Override
    public void onKeyTyped(char c) {
        if (!options.recordKeyText()) {
            return; // the character never leaves the hook's thread
        }
        worker.execute(() -> {
            if (recording() && !ownWindowActive()) {
                events.keyTyped(c);
            }
        });
    }

    // ---- the worker ----

    /** Records a {@code window_focus} when the active window changed since the last look. */
    void noteFocus(DesktopSnapshot desktop) {
        DesktopWindow changed = desktop == null || !recording() ? null : desk.focusChange(desktop);
        if (changed != null) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("window", changed.title() == null ? null : truncate(changed.title()));
            events.add(EventInput.builder("window_focus")
                    .at(clock.instant())
                    .data(data)
                    .build());
        }
    }

    private void click(Instant at, String id, int x, int y, MouseButton button) {
        if (!recording()) {
            return;
        }
        desk.forget();
        DesktopSnapshot desktop = recentDesktop();
        desk.forget(); // the click may move the focus, which the window manager has not done yet
        if (desk.isOwnClick(x, y, desktop)) {
            return; // the operator working the recorder, not the workflow
        }
        events.flushKeys();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("x", x);
        data.put("y", y);
        data.put("button", button.wireValue());
        desk.putFramePosition(data, x, y);
        String title = desk.titleAt(x, y, desktop);
        data.put("window", title == null ? null : truncate(title));
        events.add(EventInput.builder("click").id(id).at(at).data(data).build());
        if (options.captureOnClick()) {
            worker.later(options.clickCaptureDelay(), captureFrame);
        }
    }

    private boolean recording() {
        return counters.state == RecordingState.RECORDING;
    }

    /** The desktop of the last quarter of a second, its focus change noted. */
    private DesktopSnapshot recentDesktop() {
        DesktopSnapshot d = desk.recent();
        noteFocus(d);
        return d;
    }

    private boolean ownWindowActive() {
        recentDesktop();
        return desk.ownWindowActive();
    }

    private static String truncate(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return b.length <= MAX_WINDOW_TITLE_BYTES
                ? s
                : new String(b, 0, MAX_WINDOW_TITLE_BYTES, StandardCharsets.UTF_8);
    }
}
