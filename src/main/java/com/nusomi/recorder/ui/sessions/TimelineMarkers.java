package com.nusomi.recorder.ui.sessions;

import com.nusomi.recorder.client.model.Event;
import com.nusomi.recorder.client.model.Tag;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A session's events placed on the film strip's timeline: each at the moment it happened in recorded time, as a
 * fraction of the scrubber that runs over the frames (between the two frames around that moment), with the style
 * class it is drawn in. Events without a time are left out.
 */
public final class TimelineMarkers {

    /** An event on the timeline: where it sits on the scrubber (0..1), its style class and recorded offset. */
    public record EventMarker(Event event, double position, String styleClass, long offsetMs) {}

    /** A tag at its offset in recorded time. */
    public record TagMark(Tag tag, long offsetMs) {}

    private final ObservableList<EventMarker> markers = FXCollections.observableArrayList();
    // one read-only view, kept: a listener added to a throwaway view would be lost with it
    private final ObservableList<EventMarker> markersView = FXCollections.unmodifiableObservableList(markers);
    private List<TagMark> tags = List.of();

    /** Places {@code events} on a timeline of frames at these recorded {@code offsets} (ascending). */
    void place(List<Event> events, RecordedTime time, long[] offsets) {
        List<EventMarker> placed = new ArrayList<>();
        for (Event e : events) {
            Long t = time.event(e);
            if (t != null) {
                placed.add(new EventMarker(
                        e, FrameTimeline.position(offsets, offsets.length, t), styleClass(e.type()), t));
            }
        }
        markers.setAll(placed);
    }

    /** Places the tags that have an offset at their offsets in recorded time. */
    void placeTags(List<Tag> list, RecordedTime time) {
        List<TagMark> marks = new ArrayList<>();
        for (Tag t : list) {
            Long at = time.recorded(t.offsetMs());
            if (at != null) {
                marks.add(new TagMark(t, at));
            }
        }
        tags = List.copyOf(marks);
    }

    /** The tags placed last, in the order of the session's tags. */
    public List<TagMark> tags() {
        return tags;
    }

    void clear() {
        tags = List.of();
        markers.clear();
    }

    static String styleClass(String type) {
        return switch (type == null ? "" : type) {
            case "click" -> "event-click";
            case "key" -> "event-key";
            case "note" -> "event-note";
            case "error" -> "event-error";
            default -> "event-other";
        };
    }

    /** The markers, in the order of the events. */
    public ObservableList<EventMarker> list() {
        return markersView;
    }
}
