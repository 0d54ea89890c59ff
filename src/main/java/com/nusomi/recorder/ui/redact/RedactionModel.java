package com.nusomi.recorder.ui.redact;

import com.nusomi.recorder.app.TaskRunner;
import com.nusomi.recorder.client.SessionsClient;
import com.nusomi.recorder.client.model.FrameImage;
import com.nusomi.recorder.client.request.FrameRedaction;
import com.nusomi.recorder.client.request.FrameRedaction.Rect;
import com.nusomi.recorder.ui.common.Operations;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.image.Image;

/**
 * The redaction editor's state for one session: the frame shown (fetched and decoded off the UI thread), the
 * rectangles drawn on it in frame pixels, what to paint them on (this frame, a range of frames numbered from one as
 * the app shows them, or the whole run), and the reason. {@link #apply()} sends the redaction, in calls of at most
 * {@value FrameRedaction#MAX_SPAN} seqs, then shows the frame again and tells the caller, whose copies of the images
 * are stale. Used on the UI thread.
 */
public final class RedactionModel {
    /** What the rectangles are painted on. */
    public enum Scope {
        FRAME,
        RANGE,
        RUN
    }

    private final TaskRunner tasks;
    private final Operations ops;
    private final Supplier<SessionsClient> client;
    private final String sessionId;
    private final List<Long> seqs;
    private final Runnable redacted;
    private final ObservableList<Rect> rects = FXCollections.observableArrayList();
    private final ObjectProperty<Scope> scope = new SimpleObjectProperty<>(Scope.FRAME);
    private final StringProperty from = new SimpleStringProperty("");
    private final StringProperty to = new SimpleStringProperty("");
    private final StringProperty reason = new SimpleStringProperty("");
    private final ReadOnlyIntegerWrapper index = new ReadOnlyIntegerWrapper();
    private final ReadOnlyObjectWrapper<Image> image = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper imageLoading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper imageProblem = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper();
    private final BooleanBinding canApply;
    private long generation;

    /**
     * @param seqs the run's frames in order (their seqs), {@code index} the one shown first
     * @param redacted runs on the UI thread after frames were redacted
     */
    public RedactionModel(
            TaskRunner tasks,
            Supplier<SessionsClient> client,
            String sessionId,
            List<Long> seqs,
            int index,
            Runnable redacted) {
        if (seqs.isEmpty()) {
            throw new IllegalArgumentException("a run without frames has nothing to redact");
        }
        this.tasks = tasks;
        this.ops = new Operations(tasks);
        this.client = client;
        this.sessionId = sessionId;
        this.seqs = List.copyOf(seqs);
        this.redacted = redacted;
        this.index.set(Math.max(0, Math.min(index, seqs.size() - 1)));
        from.set(String.valueOf(this.index.get() + 1));
        to.set(String.valueOf(seqs.size()));
        problem.bind(Bindings.createStringBinding(this::check, rects, scope, from, to, this.index));
        canApply = problem.isNull().and(ops.busyProperty().not());
        ops.failureProperty().subscribe(f -> {
            if (f != null) {
                message.set(""); // the banner says what failed
            }
        });
        rects.addListener((ListChangeListener<Rect>) c -> {
            if (!rects.isEmpty()) {
                message.set("");
            }
        });
    }

    /** Fetches and shows the current frame (again). */
    public void load() {
        long seq = seqs.get(index.get());
        long mine = ++generation;
        imageLoading.set(true);
        imageProblem.set(null);
        tasks.run(
                () -> decode(client.get().frames().get(sessionId, seq).execute()),
                img -> {
                    if (mine == generation) {
                        imageLoading.set(false);
                        image.set(img);
                    }
                },
                e -> {
                    if (mine == generation) {
                        imageLoading.set(false);
                        imageProblem.set("Could not load frame " + (index.get() + 1) + ": " + e.getMessage());
                    }
                });
    }

    private static Image decode(FrameImage frame) {
        Image img = new Image(new ByteArrayInputStream(frame.bytes()));
        if (img.isError()) {
            throw new UncheckedIOException(new IOException("the " + frame.contentType() + " image cannot be read"));
        }
        return img;
    }

    /** Shows the frame {@code delta} places away; the rectangles stay, to be applied to a range. */
    public void step(int delta) {
        int next = Math.max(0, Math.min(seqs.size() - 1, index.get() + delta));
        if (next != index.get()) {
            index.set(next);
            load();
        }
    }

    /** Adds a rectangle in frame pixels (no more than the contract allows). */
    public void add(Rect r) {
        if (rects.size() < FrameRedaction.MAX_RECTS) {
            rects.add(r);
        }
    }

    /** Takes the last rectangle back. */
    public void undo() {
        if (!rects.isEmpty()) {
            rects.remove(rects.size() - 1);
        }
    }

    public void clear() {
        rects.clear();
    }

    private String check() {
        if (rects.isEmpty()) {
            return "Drag on the frame to draw the boxes to black out.";
        }
        return plan() == null
                ? "Give a range of frames from 1 to " + seqs.size() + ", the first not after the last."
                : null;
    }

    private RedactionPlan plan() {
        return RedactionPlan.of(seqs, scope.get(), index.get(), from.get(), to.get());
    }

    /** The calls a redaction takes (the plan must hold). */
    List<RedactionPlan.Span> spans() {
        return plan().spans();
    }

    /** What the confirmation asks: how many boxes on which frames. */
    public String question() {
        return plan().question(rects.size());
    }

    /** The warning under the question. */
    public static String warning() {
        return "The original images are erased for good: no one can see what was under the boxes again, and this"
                + " cannot be undone.";
    }

    /** Sends the redaction (after the user confirmed it), then shows the frame again with its black boxes. */
    public void apply() {
        if (!canApply.get()) {
            return;
        }
        List<Rect> painted = List.copyOf(rects);
        String why = reason.get();
        List<RedactionPlan.Span> spans = spans();
        int[] range = {plan().first(), plan().last()};
        message.set(
                range[0] == range[1]
                        ? "Redacting frame " + (range[0] + 1) + "…"
                        : "Redacting frames " + (range[0] + 1) + " to " + (range[1] + 1) + "…");
        ops.run(
                "Could not redact the frames",
                () -> {
                    int n = 0;
                    for (RedactionPlan.Span s : spans) {
                        n += client.get()
                                .frames()
                                .redact(
                                        sessionId,
                                        FrameRedaction.of(s.from(), s.to(), painted)
                                                .withReason(why))
                                .execute()
                                .redacted();
                    }
                    return n;
                },
                n -> {
                    rects.clear();
                    message.set((n == 1 ? "1 frame" : n + " frames") + " redacted; the originals are erased.");
                    load();
                    redacted.run();
                });
    }

    public ObservableList<Rect> rects() {
        return rects;
    }

    public ObjectProperty<Scope> scopeProperty() {
        return scope;
    }

    /** The range's first frame, numbered from one. */
    public StringProperty fromProperty() {
        return from;
    }

    /** The range's last frame, numbered from one. */
    public StringProperty toProperty() {
        return to;
    }

    public StringProperty reasonProperty() {
        return reason;
    }

    /** The frame shown, as a position from 0 in the run. */
    public ReadOnlyIntegerProperty indexProperty() {
        return index.getReadOnlyProperty();
    }

    public int frameCount() {
        return seqs.size();
    }

    public ReadOnlyObjectProperty<Image> imageProperty() {
        return image.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty imageLoadingProperty() {
        return imageLoading.getReadOnlyProperty();
    }

    /** Why the frame cannot be shown, or null. */
    public ReadOnlyStringProperty imageProblemProperty() {
        return imageProblem.getReadOnlyProperty();
    }

    /** What the last redaction did, or blank. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** What stops Apply, or null. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public BooleanBinding canApplyProperty() {
        return canApply;
    }

    public Operations ops() {
        return ops;
    }
}
