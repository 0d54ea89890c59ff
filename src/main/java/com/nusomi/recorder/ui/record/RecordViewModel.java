package com.nusomi.recorder.ui.record;

import com.nusomi.recorder.app.TaskRunner;
import com.nusomi.recorder.app.settings.Settings;
import com.nusomi.recorder.client.Include;
import com.nusomi.recorder.client.RequestOptions;
import com.nusomi.recorder.client.SessionsClient;
import com.nusomi.recorder.client.exception.GoneException;
import com.nusomi.recorder.client.exception.NotFoundException;
import com.nusomi.recorder.client.model.Actor;
import com.nusomi.recorder.client.model.ActorKind;
import com.nusomi.recorder.client.model.Session;
import com.nusomi.recorder.client.model.SessionStatus;
import com.nusomi.recorder.client.model.Tag;
import com.nusomi.recorder.client.request.CreateSessionRequest;
import com.nusomi.recorder.client.request.TagRequest;
import com.nusomi.recorder.recorder.RecorderService;
import com.nusomi.recorder.recorder.Recording;
import com.nusomi.recorder.recorder.spool.EntryKind;
import com.nusomi.recorder.recorder.spool.RejectedEntry;
import com.nusomi.recorder.ui.common.Failure;
import com.nusomi.recorder.ui.common.Operations;
import com.nusomi.recorder.ui.common.Rules;
import java.awt.Rectangle;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Record screen's state and actions: the new-session form (checked live), the current session (timer,
 * counts, tags), stopping with a verdict, and sessions this machine left recording. Every call goes through
 * {@link Operations}: off the UI thread, busy while it runs, a failure with a retry, the form left as it was.
 * A started session is recorded through the {@link RecorderService} ({@link LiveRecording} follows it): tags,
 * notes, pause and the stop go through the recording, so that they reach the server in order with the frames.
 */
public final class RecordViewModel {
    private final Operations ops;
    private final Supplier<SessionsClient> client;
    private final Settings settings;
    private final Runnable saveSettings;
    private final Clock clock;
    private final Supplier<RecorderService> recorder;
    private final LiveRecording live;
    private final RecordTimer timer;
    private Supplier<List<Rectangle>> ownWindows = List::of;

    private final StringProperty workflow = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper workflowProblem = new ReadOnlyStringWrapper();
    private final ObservableList<String> recentWorkflows = FXCollections.observableArrayList();
    private final StringProperty actorId = new SimpleStringProperty("");
    private final ObjectProperty<ActorKind> actorKind = new SimpleObjectProperty<>(ActorKind.HUMAN);
    private final ReadOnlyStringWrapper actorProblem = new ReadOnlyStringWrapper();
    private final MetadataModel metadata = new MetadataModel();
    private final BooleanProperty startImmediately = new SimpleBooleanProperty(true);

    private final ReadOnlyObjectWrapper<RecordState> state = new ReadOnlyObjectWrapper<>(RecordState.IDLE);
    private final ReadOnlyObjectWrapper<Session> session = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper statusText = new ReadOnlyStringWrapper("No session yet");
    private final ReadOnlyLongWrapper frames = new ReadOnlyLongWrapper(0);
    private final ReadOnlyLongWrapper events = new ReadOnlyLongWrapper(0);
    private final ReadOnlyIntegerWrapper countdown = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyBooleanWrapper connected = new ReadOnlyBooleanWrapper(false);
    private final ObservableList<Session> leftRecording = FXCollections.observableArrayList();
    private final TagsModel tags = new TagsModel();
    private final StringProperty note = new SimpleStringProperty("");
    private final ReadOnlyDoubleWrapper drainProgress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper drainText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper elsewhereText = new ReadOnlyStringWrapper("");

    private final BooleanBinding formValid;
    private final BooleanBinding canCreate;
    private final BooleanBinding canStart;
    private final BooleanBinding canStop;
    private final BooleanBinding canTag;
    private final BooleanBinding canResume;
    private final BooleanBinding canPause;
    private final BooleanBinding canContinue;
    private final BooleanBinding canNote;
    private final BooleanBinding canRestartInput;

    private Runnable afterCountdown;
    private boolean recoveryChecked;
    private long baseFrames;
    private long baseEvents;
    private int drainTotal;

    /**
     * @param recorder the recorder of the current connection (null while there is none)
     * @param live follows the recorder's reports; register it as a listener of the recorder
     */
    public RecordViewModel(TaskRunner tasks, Supplier<SessionsClient> client, Supplier<RecorderService> recorder,
                           LiveRecording live, Settings settings, Runnable saveSettings, Clock clock) {
        this.ops = new Operations(tasks);
        this.client = client;
        this.recorder = recorder;
        this.live = live;
        this.settings = settings;
        this.saveSettings = saveSettings;
        this.clock = clock;
        this.timer = new RecordTimer(clock);

        workflow.addListener((o, a, b) -> workflowProblem.set(Rules.slugProblem(b, "workflow")));
        workflowProblem.set(Rules.slugProblem(workflow.get(), "workflow"));
        actorId.addListener((o, a, b) -> actorProblem.set(b.strip().length() > Rules.MAX_ACTOR_ID
                ? "At most " + Rules.MAX_ACTOR_ID + " characters" : null));
        live.framesProperty().addListener((o, a, b) -> {
            if (live.activeProperty().get()) {
                frames.set(baseFrames + b.longValue());
            }
        });
        live.eventsProperty().addListener((o, a, b) -> {
            if (live.activeProperty().get()) {
                events.set(baseEvents + b.longValue());
            }
        });
        live.pausedProperty().addListener((o, a, b) -> {
            timer.setPaused(b);
            if (state.get() == RecordState.RECORDING) {
                statusText.set(b ? "Paused" : "Recording");
            }
        });
        live.pendingEntriesProperty().addListener((o, a, b) -> updateDrain());

        recentWorkflows.setAll(settings.recentWorkflows);
        actorId.set(settings.lastActorId == null ? "" : settings.lastActorId);
        actorKind.set(kindOf(settings.lastActorKind));
        tags.presets().setAll(settings.presetTags);

        var busy = ops.busyProperty();
        var counting = countdown.greaterThan(0);
        formValid = workflowProblem.isNull().and(actorProblem.isNull()).and(metadata.problemProperty().isNull());
        var noActiveSession = state.isEqualTo(RecordState.IDLE).or(state.isEqualTo(RecordState.STOPPED));
        canCreate = formValid.and(connected).and(busy.not()).and(counting.not()).and(noActiveSession);
        canStart = state.isEqualTo(RecordState.CREATED).and(busy.not()).and(counting.not());
        canStop = state.isEqualTo(RecordState.CREATED).or(state.isEqualTo(RecordState.RECORDING))
                .and(busy.not()).and(counting.not());
        canTag = state.isEqualTo(RecordState.CREATED).or(state.isEqualTo(RecordState.RECORDING)).and(busy.not());
        canResume = noActiveSession.and(busy.not());
        var recordingLive = state.isEqualTo(RecordState.RECORDING).and(live.activeProperty());
        canPause = recordingLive.and(live.pausedProperty().not());
        canContinue = recordingLive.and(live.pausedProperty());
        canNote = recordingLive.and(note.isNotEmpty()).and(busy.not());
        canRestartInput = live.activeProperty().and(live.inputLostProperty().isNotNull()).and(busy.not());
    }

    /** The app's own windows (screen coordinates), blacked out of every frame; read on recorder threads. */
    public void setOwnWindows(Supplier<List<Rectangle>> ownWindows) {
        this.ownWindows = ownWindows;
    }

    private static ActorKind kindOf(String wire) {
        for (ActorKind k : ActorKind.values()) {
            if (k.wireValue().equals(wire) && k != ActorKind.UNKNOWN) {
                return k;
            }
        }
        return ActorKind.HUMAN;
    }

    // ---- connection ----

    /** The connection is up: the first time, look for sessions this machine left recording. */
    public void onConnected() {
        connected.set(true);
        if (!recoveryChecked) {
            recoveryChecked = true;
            checkLeftRecording();
        }
        refreshElsewhere();
    }

    /**
     * A recorder was built for the (possibly new) server: what was left recording is looked up on that server's
     * list, and what waits for other servers is counted again.
     */
    public void onRecorderReady() {
        leftRecording.clear();
        if (connected.get()) {
            recoveryChecked = true;
            checkLeftRecording();
        }
        refreshElsewhere();
    }

    /** Counts (off the UI thread) the entries waiting on disk for servers other than the current one. */
    public void refreshElsewhere() {
        RecorderService r = recorder.get();
        if (r == null) {
            return;
        }
        ops.tasks().run(r::backlogElsewhere, b -> elsewhereText.set(BacklogText.of(b)),
                e -> elsewhereText.set(""));
    }

    /**
     * "37 entries waiting for https://api.example.com (1 session)…" for each other server with work on disk, one
     * line each; empty when there is none.
     */
    public ReadOnlyStringProperty elsewhereTextProperty() {
        return elsewhereText.getReadOnlyProperty();
    }

    public void onDisconnected() {
        connected.set(false);
    }

    private record Recovery(List<Session> recording, List<String> forget) {
    }

    /** The key id of the current recorder's server, or null (no recorder yet, or an unkeyed one). */
    private String serverId() {
        RecorderService r = recorder.get();
        return r == null || r.server() == null ? null : r.server().id();
    }

    private void checkLeftRecording() {
        String server = serverId();
        if (settings.adoptUnkeyedStarted(server)) {
            saveSettings.run();
        }
        List<String> ids = List.copyOf(settings.startedOn(server));
        if (ids.isEmpty()) {
            return;
        }
        ops.run("Could not check for sessions left recording", () -> {
            List<Session> recording = new ArrayList<>();
            List<String> forget = new ArrayList<>();
            for (String id : ids) {
                try {
                    Session s = client.get().sessions().get(id, Include.TAGS).execute();
                    if (s.status() == SessionStatus.RECORDING) {
                        recording.add(s);
                    } else {
                        forget.add(id);
                    }
                } catch (NotFoundException | GoneException e) {
                    forget.add(id);
                }
            }
            return new Recovery(recording, forget);
        }, r -> {
            r.forget().forEach(settings::forgetStarted);
            if (!r.forget().isEmpty()) {
                saveSettings.run();
            }
            Session current = session.get();
            leftRecording.setAll(r.recording().stream()
                    .filter(s -> current == null || !current.id().equals(s.id())).toList());
        });
    }

    /** Makes a session left recording the current one again. */
    public void onResumeLeft(Session left) {
        if (!canResume.get()) {
            return;
        }
        leftRecording.remove(left);
        show(left);
        tags.applied().setAll(left.tags());
    }

    /**
     * Stops a session left recording through its spool ({@link RecorderService#finish}): the verdict, if any, and
     * the stop go after whatever the spool still holds of it.
     */
    public void onStopLeft(Session left, Verdict verdict) {
        String id = left.id();
        ops.run("Could not stop the session", () -> {
            RecorderService r = requireRecorder();
            if (verdict != null && verdict.outcome() != null) {
                r.spool().journal(id).appendTag("outcome", outcomeJson(verdict));
            }
            return r.finish(id);
        }, finished -> finished.whenComplete((acknowledged, e) -> ops.tasks().onUi(() -> {
            if (e == null && Boolean.TRUE.equals(acknowledged)) {
                ops.run("Could not read the stopped session", () -> client.get().sessions().get(id).execute(), s -> {
                    settings.forgetStarted(id);
                    saveSettings.run();
                    leftRecording.removeIf(x -> x.id().equals(id));
                });
            } else {
                refused(id, e);
            }
        })));
    }

    private RecorderService requireRecorder() {
        RecorderService r = recorder.get();
        if (r == null) {
            throw new IllegalStateException("The recorder is not ready yet (waiting for the server).");
        }
        return r;
    }

    private static String outcomeJson(Verdict verdict) {
        return "{\"value\":\"" + verdict.outcome().wireValue() + "\"}";
    }

    // ---- actions ----

    public void onCreate() {
        create(startImmediately.get());
    }

    private void create(boolean start) {
        if (!canCreate.get()) {
            return;
        }
        CreateSessionRequest.Builder b = CreateSessionRequest.builder(workflow.get()).start(start);
        if (!metadata.isEmpty()) {
            b.metadataJson(metadata.compactJson());
        }
        String actor = actorId.get().strip();
        if (!actor.isEmpty()) {
            b.actor(new Actor(actor, actorKind.get()));
        }
        CreateSessionRequest request = b.build();
        RequestOptions once = RequestOptions.idempotencyKey(UUID.randomUUID().toString());
        Runnable call = () -> ops.run("Could not create the session",
                () -> client.get().sessions().create(request).withOptions(once).execute(), s -> {
            settings.rememberWorkflow(request.workflow());
            recentWorkflows.setAll(settings.recentWorkflows);
            if (request.actor() != null) {
                settings.lastActorId = request.actor().id();
                settings.lastActorKind = request.actor().kind().wireValue();
            }
            tags.applied().clear();
            show(s);
        });
        if (start && settings.countdownBeforeStart) {
            beginCountdown(call);
        } else {
            call.run();
        }
    }

    public void onStart() {
        if (!canStart.get()) {
            return;
        }
        String id = session.get().id();
        Runnable call = () -> ops.run("Could not start the session",
                () -> client.get().sessions().start(id).execute(), this::show);
        if (settings.countdownBeforeStart) {
            beginCountdown(call);
        } else {
            call.run();
        }
    }

    /**
     * Soft-deletes the session created and never started (off the UI thread; it can be restored for 30 days), clears
     * the screen, then runs {@code then}. On failure the session stays, with the reason and a retry.
     */
    public void onDeleteCreated(Runnable then) {
        Session s = session.get();
        if (state.get() != RecordState.CREATED || s == null) {
            return;
        }
        String id = s.id();
        ops.run("Could not delete the session", () -> client.get().sessions().delete(id).execute(), deleted -> {
            session.set(null);
            tags.applied().clear();
            state.set(RecordState.IDLE);
            statusText.set("Deleted " + id);
            then.run();
        });
    }

    /** Whether a session is created and not yet started. */
    public boolean isCreated() {
        return state.get() == RecordState.CREATED;
    }

    /** Ctrl+Shift+R: start the created session, or create one already recording. */
    public void onStartShortcut() {
        if (canStart.get()) {
            onStart();
        } else {
            create(true);
        }
    }

    /** Stops the current session; a verdict becomes an {@code outcome} tag before the stop call. */
    public void onStop(Verdict verdict) {
        onStop(verdict, () -> { });
    }

    /**
     * Stops the current session, then runs {@code then} (only if the stop succeeded). A recording is stopped through
     * the recorder: the verdict tag and the stop go after everything recorded, and the screen shows the spool
     * draining until the server acknowledged the stop.
     */
    public void onStop(Verdict verdict, Runnable then) {
        if (!canStop.get()) {
            return;
        }
        Recording r = live.recording();
        if (r != null && state.get() == RecordState.RECORDING) {
            stopRecording(r, verdict, then);
            return;
        }
        stopSession(session.get().id(), verdict, tags.applied()::add, s -> {
            show(s);
            then.run();
        });
    }

    private void stopSession(String id, Verdict verdict, Consumer<Tag> onTag, Consumer<Session> onStopped) {
        Runnable stop = () -> ops.run("Could not stop the session",
                () -> client.get().sessions().stop(id).execute(), s -> {
            settings.forgetStarted(id);
            saveSettings.run();
            onStopped.accept(s);
        });
        if (verdict != null && verdict.outcome() != null) {
            TagRequest outcome = TagRequest.outcome(verdict.outcome());
            RequestOptions once = RequestOptions.idempotencyKey(UUID.randomUUID().toString());
            ops.run("Could not record the verdict",
                    () -> client.get().sessions().tag(id, outcome).withOptions(once).execute(), tag -> {
                onTag.accept(tag);
                stop.run();
            });
        } else {
            stop.run();
        }
    }

    private void stopRecording(Recording r, Verdict verdict, Runnable then) {
        String id = r.sessionId();
        ops.run("Could not stop the recording", () -> {
            if (verdict != null && verdict.outcome() != null) {
                r.tag("outcome", outcomeJson(verdict)).get();
            }
            return r.stop();
        }, stopped -> {
            if (verdict != null && verdict.outcome() != null) {
                tags.applied().add(localTag(id, "outcome", Map.of("value", verdict.outcome().wireValue())));
            }
            state.set(RecordState.STOPPING);
            drainTotal = Math.max(1, live.pendingEntriesProperty().get());
            updateDrain();
            stopped.whenComplete((v, e) -> ops.tasks().onUi(() -> {
                live.detach();
                if (e == null) {
                    ops.run("Could not read the stopped session",
                            () -> client.get().sessions().get(id).execute(), s -> {
                        settings.forgetStarted(id);
                        show(s);
                        then.run();
                    });
                } else {
                    refused(id, e);
                }
            }));
        });
    }

    /** The server refused the stop (e.g. the session was stopped elsewhere): say so plainly, with its request id. */
    private void refused(String id, Throwable e) {
        RejectedEntry stop = live.rejected().stream()
                .filter(x -> x.entry().kind() == EntryKind.STOP).reduce((a, b) -> b).orElse(null);
        String why = stop != null ? (stop.message() != null ? stop.message() : "refused")
                + (stop.code() != null ? " [" + stop.code() + ", HTTP " + stop.httpStatus() + "]" : "")
                : e != null ? Failure.describe(e) : "refused";
        Failure f = new Failure("The server refused the stop of " + id, why, stop != null ? stop.requestId() : null,
                null);
        settings.forgetStarted(id);
        saveSettings.run();
        leftRecording.removeIf(x -> x.id().equals(id));
        boolean current = session.get() != null && session.get().id().equals(id);
        if (current) {
            state.set(RecordState.STOPPED);
            statusText.set("Stop refused by the server");
        }
        ops.run("Could not read the session", () -> client.get().sessions().get(id).execute(), s -> {
            if (current) {
                show(s);
            }
            ops.fail(f);
        });
        ops.fail(f);
    }

    private void updateDrain() {
        int pending = live.pendingEntriesProperty().get();
        if (state.get() != RecordState.STOPPING) {
            return;
        }
        drainTotal = Math.max(drainTotal, pending);
        drainProgress.set(drainTotal == 0 ? 1 : 1.0 - (double) pending / drainTotal);
        drainText.set(pending > 0 ? "Uploading " + pending + " pending…"
                + (live.uploadWaitingProperty().get() ? " (waiting for the server)" : "")
                : "Waiting for the server to acknowledge the stop…");
        statusText.set("Stopping · " + drainText.get());
    }

    /** Pauses capture (a {@code pause} marker event); tags and notes still go in. */
    public void onPause() {
        Recording r = live.recording();
        if (canPause.get() && r != null) {
            r.pause();
        }
    }

    /** Resumes capture after {@link #onPause()} (a {@code resume} marker event and a fresh frame). */
    public void onContinue() {
        Recording r = live.recording();
        if (canContinue.get() && r != null) {
            r.resume();
        }
    }

    /**
     * Registers the global input hook again after input was lost ("Restart input capture"); the notice clears
     * when the recorder reports input restored, a failure shows with a retry.
     */
    public void onRestartInput() {
        Recording r = live.recording();
        if (!canRestartInput.get() || r == null) {
            return;
        }
        ops.run("Could not restart input capture", () -> r.restartInput().get(), done -> { });
    }

    /** Records the note as a {@code note} event in the recording. */
    public void onAddNote() {
        Recording r = live.recording();
        String text = note.get().strip();
        if (!canNote.get() || r == null || text.isEmpty()) {
            return;
        }
        ops.run("Could not record the note", () -> r.note(text).get(), entry -> note.set(""));
    }

    public void onTagPreset(String name) {
        if (canTag.get()) {
            addTag(TagRequest.of(name), () -> { });
        }
    }

    /** Ctrl+1..9: the n-th preset (1-based), if there is one. */
    public void onTagPresetNumber(int n) {
        if (n >= 1 && n <= tags.presets().size()) {
            onTagPreset(tags.presets().get(n - 1));
        }
    }

    public void onAddCustomTag() {
        if (!canTag.get() || !tags.customValidBinding().get()) {
            return;
        }
        String data = tags.customDataJson();
        String name = tags.customNameProperty().get();
        addTag(data != null ? TagRequest.ofJson(name, data) : TagRequest.of(name), tags::clearCustom);
    }

    private void addTag(TagRequest request, Runnable then) {
        String id = session.get().id();
        Recording r = live.recording();
        if (r != null && state.get() == RecordState.RECORDING) {
            String json;
            try {
                json = request.dataJson() != null ? request.dataJson()
                        : request.data() != null ? Rules.json().writeValueAsString(request.data()) : null;
            } catch (java.io.IOException e) {
                ops.fail(Failure.of("Could not add the tag " + request.name(), e, null));
                return;
            }
            ops.run("Could not add the tag " + request.name(), () -> {
                r.tag(request.name(), json).get();
                return json == null ? Map.<String, Object>of() : Rules.parseObject(json);
            }, data -> {
                tags.applied().add(localTag(id, request.name(), data));
                then.run();
            });
            return;
        }
        RequestOptions once = RequestOptions.idempotencyKey(UUID.randomUUID().toString());
        ops.run("Could not add the tag " + request.name(),
                () -> client.get().sessions().tag(id, request).withOptions(once).execute(), tag -> {
            tags.applied().add(tag);
            then.run();
        });
    }

    public void onRetry() {
        ops.retry();
    }

    public void onDismissFailure() {
        ops.dismiss();
    }

    // ---- countdown and timer ----

    private void beginCountdown(Runnable then) {
        afterCountdown = then;
        countdown.set(3);
    }

    /** One second of the 3-2-1 countdown has passed (driven by the view's timeline). */
    public void onCountdownTick() {
        if (countdown.get() <= 0) {
            return;
        }
        countdown.set(countdown.get() - 1);
        if (countdown.get() == 0 && afterCountdown != null) {
            Runnable r = afterCountdown;
            afterCountdown = null;
            r.run();
        }
    }

    public void onCancelCountdown() {
        afterCountdown = null;
        countdown.set(0);
    }

    /** Brings the timer up to date (driven by the view's animation timer; no I/O). */
    public void tick() {
        if (state.get() == RecordState.RECORDING) {
            timer.tick();
        }
    }

    /** A tag as it was recorded here (the server gives it its id when it arrives), at the recorded time. */
    private Tag localTag(String sessionId, String name, Map<String, Object> data) {
        return new Tag(null, sessionId, name, data, Instant.now(clock), timer.recordedNow());
    }

    /** Starts (or, for a session recorded before, continues) the recording of a session that is recording. */
    private void startRecording(Session s) {
        Recording current = live.recording();
        if (current != null && current.sessionId().equals(s.id())) {
            return;
        }
        ops.run("Could not start recording the screen", () -> requireRecorder()
                .start(s.id(), s.startedAt(), settings.recorderOptions(ownWindows)), r -> {
                    baseFrames = s.frameCount();
                    baseEvents = s.eventCount();
                    live.attach(r);
                });
    }

    /** Shows a session the server returned as the current one. */
    private void show(Session s) {
        session.set(s);
        frames.set(s.frameCount());
        events.set(s.eventCount());
        timer.reset(s, s.status() == SessionStatus.RECORDING, live.pausedProperty().get());
        switch (s.status()) {
            case CREATED -> {
                state.set(RecordState.CREATED);
                statusText.set("Created · not started yet");
            }
            case RECORDING -> {
                state.set(RecordState.RECORDING);
                statusText.set("Recording");
                settings.rememberStarted(serverId(), s.id());
                startRecording(s);
            }
            default -> {
                state.set(RecordState.STOPPED);
                statusText.set("Stopped" + (s.outcome() != null ? " · " + s.outcome().wireValue() : ""));
            }
        }
        saveSettings.run();
    }

    /** Reloads what the settings screen may have changed (presets). */
    public void onSettingsChanged() {
        tags.presets().setAll(settings.presetTags);
    }

    public boolean isRecording() {
        return state.get() == RecordState.RECORDING;
    }

    public LiveRecording live() {
        return live;
    }

    public StringProperty noteProperty() {
        return note;
    }

    /** 0 to 1 while the spool drains after Stop. */
    public ReadOnlyDoubleProperty drainProgressProperty() {
        return drainProgress.getReadOnlyProperty();
    }

    /** "Uploading 37 pending…" while the spool drains after Stop. */
    public ReadOnlyStringProperty drainTextProperty() {
        return drainText.getReadOnlyProperty();
    }

    public BooleanBinding canPauseBinding() {
        return canPause;
    }

    public BooleanBinding canContinueBinding() {
        return canContinue;
    }

    public BooleanBinding canNoteBinding() {
        return canNote;
    }

    /** While input capture is lost during a recording and nothing else runs. */
    public BooleanBinding canRestartInputBinding() {
        return canRestartInput;
    }

    // ---- properties ----

    public StringProperty workflowProperty() {
        return workflow;
    }

    public ReadOnlyStringProperty workflowProblemProperty() {
        return workflowProblem.getReadOnlyProperty();
    }

    public ObservableList<String> recentWorkflows() {
        return recentWorkflows;
    }

    public StringProperty actorIdProperty() {
        return actorId;
    }

    public ObjectProperty<ActorKind> actorKindProperty() {
        return actorKind;
    }

    public ReadOnlyStringProperty actorProblemProperty() {
        return actorProblem.getReadOnlyProperty();
    }

    public MetadataModel metadata() {
        return metadata;
    }

    public BooleanProperty startImmediatelyProperty() {
        return startImmediately;
    }

    public ReadOnlyObjectProperty<RecordState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Session> sessionProperty() {
        return session.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusTextProperty() {
        return statusText.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty elapsedMsProperty() {
        return timer.recordedMsProperty();
    }

    /** The recorded time and, apart, the paused time ({@code paused 0:12}). */
    RecordTimer timer() {
        return timer;
    }

    public ReadOnlyStringProperty elapsedTextProperty() {
        return timer.textProperty();
    }

    public ReadOnlyLongProperty framesProperty() {
        return frames.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty eventsProperty() {
        return events.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty countdownProperty() {
        return countdown.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty connectedProperty() {
        return connected.getReadOnlyProperty();
    }

    public ObservableList<Session> leftRecording() {
        return leftRecording;
    }

    public TagsModel tags() {
        return tags;
    }

    public Operations operations() {
        return ops;
    }

    public BooleanBinding formValidBinding() {
        return formValid;
    }

    public BooleanBinding canCreateBinding() {
        return canCreate;
    }

    public BooleanBinding canStartBinding() {
        return canStart;
    }

    public BooleanBinding canStopBinding() {
        return canStop;
    }

    public BooleanBinding canTagBinding() {
        return canTag;
    }

    public BooleanBinding canResumeBinding() {
        return canResume;
    }
}
