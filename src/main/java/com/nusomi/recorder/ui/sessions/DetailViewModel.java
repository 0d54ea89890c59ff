package com.nusomi.recorder.ui.sessions;

import com.nusomi.recorder.app.TaskRunner;
import com.nusomi.recorder.client.Include;
import com.nusomi.recorder.client.SessionsClient;
import com.nusomi.recorder.client.model.Event;
import com.nusomi.recorder.client.model.Frame;
import com.nusomi.recorder.client.model.Outcome;
import com.nusomi.recorder.client.model.Session;
import com.nusomi.recorder.client.model.Tag;
import com.nusomi.recorder.client.request.ContractRules;
import com.nusomi.recorder.client.request.EventQuery;
import com.nusomi.recorder.client.request.TagRequest;
import com.nusomi.recorder.ui.common.Failure;
import com.nusomi.recorder.ui.common.Operations;
import com.nusomi.recorder.ui.common.Rules;
import com.nusomi.recorder.ui.redact.RedactionModel;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.image.Image;

/**
 * The detail pane's state: the selected session in full (tags, events, frames summary), fetched off the UI
 * thread when the selection changes (a late answer for an earlier selection is dropped), and adding a tag or
 * an {@code outcome} verdict to it. Its {@link #tags()} are kept apart: a tag added here joins them at once, then
 * the session is read again, quietly (the frame shown and the scroll position stay). With the session comes its {@link #timeline()}, its pauses from its marker
 * events (fetched apart when the embedded events are cut short), for offsets in recorded time.
 */
public final class DetailViewModel {
    private final TaskRunner tasks;
    private final Operations ops;
    private final Supplier<SessionsClient> client;
    private final Runnable afterChange;
    private final ReadOnlyObjectWrapper<Session> session = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private final StringProperty tagName = new SimpleStringProperty("");
    private final StringProperty tagData = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper tagProblem = new ReadOnlyStringWrapper();
    private final BooleanBinding canTag;
    private final FilmStripViewModel<Image> film;
    private final ObservableList<Tag> tags = FXCollections.observableArrayList();
    private final ObservableList<Tag> tagsView = FXCollections.unmodifiableObservableList(tags);
    private final TagMarks tagMarks;
    private long generation;
    private boolean disposed;
    private RecordedTime timeline = RecordedTime.NONE;

    /** The session and its timeline, as one load gives them. */
    private record Loaded(Session session, RecordedTime timeline) {}

    public DetailViewModel(TaskRunner tasks, Supplier<SessionsClient> client, Runnable afterChange) {
        this(
                tasks,
                client,
                afterChange,
                new FilmStripViewModel<>(
                        tasks, client, FrameImages::decode, FrameImages.cache(), FrameImages.thumbnailCache()));
    }

    DetailViewModel(
            TaskRunner tasks, Supplier<SessionsClient> client, Runnable afterChange, FilmStripViewModel<Image> film) {
        this.tasks = tasks;
        this.film = film;
        this.tagMarks = new TagMarks(film);
        session.addListener((o, before, now) -> {
            film.show(now, timeline);
            List<Tag> loaded = now == null ? List.of() : now.tags();
            if (!tags.equals(loaded)) {
                tags.setAll(loaded);
            }
            tagMarks.show(now, timeline, tags);
        });
        this.ops = new Operations(tasks);
        this.client = client;
        this.afterChange = afterChange;
        tagName.addListener((o, a, b) -> checkTag());
        tagData.addListener((o, a, b) -> checkTag());
        canTag = session.isNotNull()
                .and(tagProblem.isNull())
                .and(ops.busyProperty().not())
                .and(Bindings.createBooleanBinding(
                        () -> session.get() != null && !session.get().isDeleted(), session));
        checkTag();
    }

    private void checkTag() {
        String name = tagName.get() == null ? "" : tagName.get().strip();
        String problem = Rules.slugProblem(name, "tag");
        if (problem == null) {
            ContractRules.JsonCheck data = Rules.jsonObject(tagData.get(), "tag data");
            problem = data.problem();
        }
        tagProblem.set(problem);
    }

    /** Shows this row at once and fetches it in full (not for the trash: a deleted session answers 410). */
    public void show(Session row, boolean inTrash) {
        long gen = ++generation;
        Session current = session.get();
        boolean same = row != null && current != null && current.id().equals(row.id()) && !inTrash;
        if (!same) {
            timeline = RecordedTime.of(row);
            session.set(row);
            ops.dismiss();
        }
        if (row == null || inTrash) {
            loading.set(false);
            return;
        }
        if (!same) {
            loadFirstFrame(row.id());
        }
        load(row.id(), gen);
    }

    /** Reads the frames summary alone, beside the read in full (whose events come later): what fails, that reports. */
    private void loadFirstFrame(String id) {
        if (!disposed) {
            tasks.run(
                    () -> client.get()
                            .sessions()
                            .get(id, Include.FRAMES_SUMMARY)
                            .execute(),
                    film::showFirst,
                    e -> {});
        }
    }

    private void load(String id, long gen) {
        if (disposed) {
            return;
        }
        loading.set(true);
        tasks.run(
                () -> {
                    Session full = client.get()
                            .sessions()
                            .get(id, Include.TAGS, Include.EVENTS, Include.FRAMES_SUMMARY)
                            .execute();
                    return new Loaded(
                            full,
                            RecordedTime.of(
                                    full, full.eventsTruncated() && full.pausedMs() > 0 ? markers(id) : full.events()));
                },
                loaded -> {
                    if (gen == generation) {
                        loading.set(false);
                        timeline = loaded.timeline();
                        session.set(loaded.session());
                    }
                },
                e -> {
                    if (gen == generation) {
                        loading.set(false);
                        ops.fail(Failure.of("Loading " + id, e, () -> load(id, gen)));
                    }
                });
    }

    /** Drops answers still on the way and lets go of the film strip's session (the screen is going away). */
    public void dispose() {
        disposed = true;
        generation++;
        loading.set(false);
        film.dispose();
    }

    /** Every marker event of a session (off the UI thread): its pauses, when the embedded events are cut short. */
    private List<Event> markers(String id) {
        List<Event> out = new ArrayList<>();
        client.get()
                .events()
                .listAll(id, EventQuery.ofTypes("marker").withLimit(500))
                .forEach(out::add);
        return out;
    }

    public void onAddTag() {
        Session s = session.get();
        if (s == null || tagProblem.get() != null) {
            return;
        }
        String name = tagName.get().strip();
        String data = tagData.get() == null || tagData.get().isBlank() ? "{}" : tagData.get();
        tag(s, TagRequest.ofJson(name, data), () -> {
            tagName.set("");
            tagData.set("");
        });
    }

    /** Tags the session with an explicit {@code outcome} verdict. */
    public void onVerdict(Outcome outcome) {
        Session s = session.get();
        if (s != null) {
            tag(s, TagRequest.outcome(outcome), () -> {});
        }
    }

    private void tag(Session s, TagRequest request, Runnable done) {
        ops.run(
                "Tagging " + s.id(),
                () -> client.get().sessions().tag(s.id(), request).execute(),
                t -> {
                    done.run();
                    if (session.get() != null && session.get().id().equals(s.id())) {
                        if (tags.stream().noneMatch(x -> x.id().equals(t.id()))) {
                            tags.add(t); // at once, in place
                            tagMarks.show(session.get(), timeline, tags);
                        }
                        // then the session anew (a verdict changes its outcome): the same session shown again
                        // keeps the frame, the lists and the scroll position
                        load(s.id(), ++generation);
                    }
                    afterChange.run();
                });
    }

    /** The selected session's tags as marks on the film strip's timeline. */
    TagMarks tagMarks() {
        return tagMarks;
    }

    /** The selected session's tags, with those added here since it loaded. */
    public ObservableList<Tag> tags() {
        return tagsView;
    }

    /** The selected session's timeline: offsets in recorded time (set before {@link #sessionProperty()} changes). */
    RecordedTime timeline() {
        return timeline;
    }

    public ReadOnlyObjectProperty<Session> sessionProperty() {
        return session.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public StringProperty tagNameProperty() {
        return tagName;
    }

    public StringProperty tagDataProperty() {
        return tagData;
    }

    public ReadOnlyStringProperty tagProblemProperty() {
        return tagProblem.getReadOnlyProperty();
    }

    public BooleanBinding canTagProperty() {
        return canTag;
    }

    /** The frames of the selected session. */
    /**
     * A redaction editor's model for the selected session's frames as listed, from the frame shown; after a
     * redaction the film strip shows the frames' images anew, then {@code redacted} runs. Null while there is nothing to redact.
     */
    public RedactionModel redactor(Runnable redacted) {
        Session s = session.get();
        if (s == null || film.frames().isEmpty() || film.framesLoadingProperty().get()) {
            return null;
        }
        List<Long> seqs = film.frames().stream().map(Frame::seq).toList();
        int index = Math.max(0, film.currentIndexProperty().get());
        return new RedactionModel(tasks, client, s.id(), seqs, index, () -> {
            film.reloadImages();
            redacted.run();
            if (session.get() != null && session.get().id().equals(s.id())) {
                load(s.id(), ++generation); // the frames summary's sizes changed
            }
        });
    }

    public FilmStripViewModel<Image> film() {
        return film;
    }

    public Operations ops() {
        return ops;
    }
}
