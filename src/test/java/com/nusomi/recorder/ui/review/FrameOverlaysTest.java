package com.nusomi.recorder.ui.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.nusomi.recorder.client.model.Event;
import com.nusomi.recorder.client.model.Tag;
import com.nusomi.recorder.ui.review.FrameOverlays.Click;
import com.nusomi.recorder.ui.review.FrameOverlays.Overlay;
import com.nusomi.recorder.ui.sessions.TimelineMarkers.EventMarker;
import com.nusomi.recorder.ui.sessions.TimelineMarkers.TagMark;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What is drawn on each frame: clicks as rings on the frame after them, keys, notes and tags as captions. */
class FrameOverlaysTest {
    private static final long[] OFFSETS = {0, 1000, 2000, 60_000};

    private static EventMarker event(String type, long offset, Map<String, Object> data) {
        return new EventMarker(new Event("evt_" + offset, type, Instant.EPOCH, offset, data), 0, "", offset);
    }

    private static TagMark tag(String name, long offset) {
        return new TagMark(new Tag("tag_" + name, "ses_1", name, Map.of(), Instant.EPOCH, offset), offset);
    }

    private final FrameOverlays overlays = new FrameOverlays(
            OFFSETS,
            List.of(
                    event("click", 700, Map.of("x", 2010, "y", 300, "button", "left", "frame_x", 90, "frame_y", 300)),
                    event("click", 800, Map.of("x", 5000, "y", 10, "button", "left")),
                    event("key", 1200, Map.of("keys", 12, "modifiers", List.of("ctrl"), "key", "S")),
                    event("key", 1500, Map.of("keys", 3, "modifiers", List.of())),
                    event("note", 1800, Map.of("text", "invoice saved")),
                    event("error", 90_000, Map.of("message", "late"))),
            List.of(tag("reviewed", 2000)));

    @Test
    void aClickIsARingOnTheFrameAfterItAtItsFramePosition() {
        Overlay o = overlays.at(1);
        assertThat(o.clicks())
                .as("the click outside the captured area has no frame position and is not drawn")
                .containsExactly(new Click(90, 300, "left"));
        assertThat(overlays.at(0).clicks()).isEmpty();
        assertThat(overlays.at(2).clicks()).isEmpty();
    }

    @Test
    void keysNotesAndTagsAreCaptions() {
        assertThat(overlays.at(2).captions())
                .containsExactly("15 keys, Ctrl+S", "Note: invoice saved", "Tag: reviewed");
        assertThat(overlays.at(1).captions()).isEmpty();
    }

    @Test
    void whatCameAfterTheLastFrameBelongsToIt() {
        assertThat(overlays.at(3).captions()).containsExactly("Error: late");
        assertThat(overlays.at(4)).isEqualTo(Overlay.NONE);
        assertThat(overlays.at(-1)).isEqualTo(Overlay.NONE);
    }

    @Test
    void keyCaptionsNameCountsAndCombinations() {
        assertThat(FrameOverlays.keyCaption(1, new LinkedHashSet<>(), "")).isEqualTo("1 key");
        assertThat(FrameOverlays.combo(List.of("shift", "ctrl"), null)).isEqualTo("Ctrl+Shift");
        assertThat(FrameOverlays.combo(List.of(), "Enter")).isEqualTo("Enter");
        assertThat(FrameOverlays.combo(null, null)).isEmpty();
        assertThat(FrameOverlays.keyCaption(2, new LinkedHashSet<>(List.of("Ctrl")), "ab"))
                .isEqualTo("2 keys, Ctrl: \u201cab\u201d");
    }

    @Test
    void quietMeansNoEventOrTagStrictlyBetween() {
        assertThat(overlays.quiet(2000, 60_000))
                .as("the tag at 2000 is at the edge")
                .isTrue();
        assertThat(overlays.quiet(1000, 2000)).isFalse();
        assertThat(overlays.quiet(60_000, 90_000)).isTrue();
        assertThat(overlays.quiet(60_000, 90_001)).isFalse();
        assertThat(FrameOverlays.EMPTY.quiet(0, Long.MAX_VALUE)).isTrue();
    }
}
