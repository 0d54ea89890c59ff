package com.nusomi.recorder.ui.sessions;

import com.nusomi.recorder.client.model.Event;
import com.nusomi.recorder.client.model.Session;
import com.nusomi.recorder.client.model.Tag;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A session's events and tags placed on the film strip's timeline: each at the moment it happened in recorded time,
 * as a fraction of the scrubber that runs over the frames (between the two frames around that moment). Events
 * without a time are left out, and so are tags without an offset or added after the run (they mark no moment of it).
 */
public final class TimelineMarkers {

    /** An event on the timeline: where it sits on the scrubber (0..1), its style class and recorded offset. */
    public record EventMarker(Event event, double position, String styleClass, long offsetMs) {}

    /** A tag on the timeline: where it sits on the scrubber (0..1) and its recorded offset. */
    public record TagMarker(Tag tag, double position, long offsetMs) {}

    private final ObservableList<EventMarker> markers = FXCollections.observableArrayList();
    // one read-only view, kept: a listener added to a throwaway view would be lost with it
    private final ObservableList<EventMarker> markersView = FXCollections.unmodifiableObservableList(markers);
    private final ObservableList<TagMarker> tagMarkers = FXCollections.observableArrayList();
    private final ObservableList<TagMarker> tagMarkersView = FXCollections.unmodifiableObservableList(tagMarkers);

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

    /** Places the tags of {@code s} that mark a moment of its run on the same timeline. */
    void placeTags(List<Tag> tags, Session s, RecordedTime time, long[] offsets) {
        List<TagMarker> placed = new ArrayList<>();
        for (Tag tag : tags) {
            Long t = time.recorded(tag.offsetMs());
            if (t != null && !TagInfo.afterRun(tag, s, time)) {
                placed.add(new TagMarker(tag, FrameTimeline.position(offsets, offsets.length, t), t));
            }
        }
        tagMarkers.setAll(placed);
    }

    void clear() {
        markers.clear();
        tagMarkers.clear();
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

    /** The tags that mark a moment of the run, in the order of the tags. */
    public ObservableList<TagMarker> tags() {
        return tagMarkersView;
    }
}
