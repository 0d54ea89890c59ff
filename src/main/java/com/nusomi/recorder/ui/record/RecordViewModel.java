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
import com.nusomi.recorder.ui.common.Operations;
import com.nusomi.recorder.ui.common.Rules;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
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
 */
public final class RecordViewModel {
    private final Operations ops;
    private final Supplier<SessionsClient> client;
    private final Settings settings;
    private final Runnable saveSettings;
    private final Clock clock;

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
    private final ReadOnlyLongWrapper elapsedMs = new ReadOnlyLongWrapper(0);
    private final ReadOnlyStringWrapper elapsedText = new ReadOnlyStringWrapper(Rules.formatElapsed(0));
    private final ReadOnlyLongWrapper frames = new ReadOnlyLongWrapper(0);
    private final ReadOnlyLongWrapper events = new ReadOnlyLongWrapper(0);
    private final ReadOnlyIntegerWrapper countdown = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyBooleanWrapper connected = new ReadOnlyBooleanWrapper(false);
    private final ObservableList<Session> leftRecording = FXCollections.observableArrayList();
    private final TagsModel tags = new TagsModel();

    private final BooleanBinding formValid;
    private final BooleanBinding canCreate;
    private final BooleanBinding canStart;
    private final BooleanBinding canStop;
    private final BooleanBinding canTag;
    private final BooleanBinding canResume;

    private long baseElapsed;
    private long baseAt;
    private Runnable afterCountdown;
    private boolean recoveryChecked;

    public RecordViewModel(TaskRunner tasks, Supplier<SessionsClient> client, Settings settings,
                           Runnable saveSettings, Clock clock) {
        this.ops = new Operations(tasks);
        this.client = client;
        this.settings = settings;
        this.saveSettings = saveSettings;
        this.clock = clock;

        workflow.addListener((o, a, b) -> workflowProblem.set(Rules.slugProblem(b, "workflow")));
        workflowProblem.set(Rules.slugProblem(workflow.get(), "workflow"));
        actorId.addListener((o, a, b) -> actorProblem.set(b.strip().length() > Rules.MAX_ACTOR_ID
                ? "At most " + Rules.MAX_ACTOR_ID + " characters" : null));
        elapsedText.bind(Bindings.createStringBinding(() -> Rules.formatElapsed(elapsedMs.get()), elapsedMs));

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
    }

    public void onDisconnected() {
        connected.set(false);
    }

    private record Recovery(List<Session> recording, List<String> forget) {
    }

    private void checkLeftRecording() {
        List<String> ids = List.copyOf(settings.startedSessions);
        if (ids.isEmpty()) {
            return;
        }
        ops.run("Could not check for sessions left recording", () -> {
            List<Session> recording = new ArrayList<>();
            List<String> forget = new ArrayList<>();
            for (String id : ids) {
                try {
                    Session s = client.get().get(id, Include.TAGS);
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

    /** Stops a session left recording (with the verdict, if any, tagged first). */
    public void onStopLeft(Session left, Verdict verdict) {
        stopSession(left.id(), verdict, tag -> { }, stopped -> leftRecording.removeIf(s -> s.id().equals(stopped.id())));
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
        Runnable call = () -> ops.run("Could not create the session", () -> client.get().create(request, once), s -> {
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
        Runnable call = () -> ops.run("Could not start the session", () -> client.get().start(id), this::show);
        if (settings.countdownBeforeStart) {
            beginCountdown(call);
        } else {
            call.run();
        }
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

    /** Stops the current session, then runs {@code then} (only if the stop succeeded). */
    public void onStop(Verdict verdict, Runnable then) {
        if (!canStop.get()) {
            return;
        }
        stopSession(session.get().id(), verdict, tags.applied()::add, s -> {
            show(s);
            then.run();
        });
    }

    private void stopSession(String id, Verdict verdict, Consumer<Tag> onTag, Consumer<Session> onStopped) {
        Runnable stop = () -> ops.run("Could not stop the session", () -> client.get().stop(id), s -> {
            settings.forgetStarted(id);
            saveSettings.run();
            onStopped.accept(s);
        });
        if (verdict != null && verdict.outcome() != null) {
            TagRequest outcome = TagRequest.outcome(verdict.outcome());
            RequestOptions once = RequestOptions.idempotencyKey(UUID.randomUUID().toString());
            ops.run("Could not record the verdict", () -> client.get().tag(id, outcome, once), tag -> {
                onTag.accept(tag);
                stop.run();
            });
        } else {
            stop.run();
        }
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
        RequestOptions once = RequestOptions.idempotencyKey(UUID.randomUUID().toString());
        ops.run("Could not add the tag " + request.name(), () -> client.get().tag(id, request, once), tag -> {
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

    /** Brings the elapsed time up to date (driven by the view's animation timer; no I/O). */
    public void tick() {
        if (state.get() == RecordState.RECORDING) {
            elapsedMs.set(baseElapsed + clock.millis() - baseAt);
        }
    }

    /** Shows a session the server returned as the current one. */
    private void show(Session s) {
        session.set(s);
        frames.set(s.frameCount());
        events.set(s.eventCount());
        baseElapsed = s.durationMs();
        baseAt = clock.millis();
        elapsedMs.set(s.durationMs());
        switch (s.status()) {
            case CREATED -> {
                state.set(RecordState.CREATED);
                statusText.set("Created · not started yet");
            }
            case RECORDING -> {
                state.set(RecordState.RECORDING);
                statusText.set("Recording");
                settings.rememberStarted(s.id());
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
        return elapsedMs.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty elapsedTextProperty() {
        return elapsedText.getReadOnlyProperty();
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
