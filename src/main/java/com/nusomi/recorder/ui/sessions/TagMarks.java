package com.nusomi.recorder.ui.sessions;

import com.nusomi.recorder.client.model.Session;
import com.nusomi.recorder.client.model.Tag;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A session's tags as named marks on the film strip's timeline: each at its moment in recorded time, as a fraction
 * of the scrubber that runs over the frames, placed once the frames are listed (and again when the tags change).
 * Tags without an offset, or added after the run, mark no moment of it and are left out. Clicking a mark jumps to
 * the frame nearest to it.
 */
final class TagMarks {
    /** A tag on the timeline: where it sits on the scrubber (0..1) and its offset in recorded time. */
    record TagMarker(Tag tag, double position, long offsetMs) {}

    private final FilmStripViewModel<?> film;
    private final ObservableList<TagMarker> marks = FXCollections.observableArrayList();
    private final ObservableList<TagMarker> marksView = FXCollections.unmodifiableObservableList(marks);
    private Session session;
    private RecordedTime time = RecordedTime.NONE;
    private List<Tag> tags = List.of();

    TagMarks(FilmStripViewModel<?> film) {
        this.film = film;
        film.framesLoadingProperty().subscribe(loading -> {
            if (!loading) {
                place();
            }
        });
    }

    /** Follows this session's {@code tags} on its timeline (none when {@code s} is null). */
    void show(Session s, RecordedTime timeline, List<Tag> now) {
        session = s;
        time = timeline;
        tags = s == null ? List.of() : List.copyOf(now);
        place();
    }

    private void place() {
        long[] offsets = film.offsets();
        if (session == null
                || offsets.length == 0
                || film.framesLoadingProperty().get()) {
            marks.clear();
            return;
        }
        List<TagMarker> placed = new ArrayList<>();
        for (Tag tag : tags) {
            Long t = time.recorded(tag.offsetMs());
            if (t != null && !TagInfo.afterRun(tag, session, time)) {
                placed.add(new TagMarker(tag, FrameTimeline.position(offsets, offsets.length, t), t));
            }
        }
        if (!placed.equals(marks)) {
            marks.setAll(placed);
        }
    }

    /** Makes the frame nearest to the mark's moment the current one. */
    void onMark(TagMarker m) {
        long[] offsets = film.offsets();
        if (m != null && offsets.length > 0) {
            film.select(FrameTimeline.nearest(offsets, offsets.length, m.offsetMs()));
        }
    }

    /** The marks, in the order of the tags. */
    ObservableList<TagMarker> list() {
        return marksView;
    }
}
