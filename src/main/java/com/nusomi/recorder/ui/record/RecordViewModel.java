package com.nusomi.recorder.ui.record;

import com.nusomi.recorder.app.TaskRunner;
import com.nusomi.recorder.app.settings.Settings;
import com.nusomi.recorder.client.RequestOptions;
import com.nusomi.recorder.client.SessionsClient;
import com.nusomi.recorder.client.model.Session;
import com.nusomi.recorder.client.request.CreateSessionRequest;
import com.nusomi.recorder.recorder.RecorderService;
import com.nusomi.recorder.ui.common.Operations;
import java.awt.Rectangle;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * The Record screen's coordinator: joins the new-session form ({@link RecordForm}), the current session's state
 * machine ({@link CurrentSession}), the start countdown, the sessions left recording ({@link LeftSessions}), the
 * recording controls, the two tag routes and the stops ({@link SessionStopper}), and runs a session's life: create,
 * start (recorded through the {@link RecorderService}, {@link LiveRecording} following it), delete, stop. Every call
 * goes through {@link Operations}: off the UI thread, busy while it runs, a failure with a retry.
 */
public final class RecordViewModel {
    private final Operations ops;
    private final Supplier<SessionsClient> client;
    private final LiveRecording live;
    private final Settings settings;

    private final ReadOnlyBooleanWrapper connected = new ReadOnlyBooleanWrapper(false);
    private final TagsModel tags = new TagsModel();
    private final RecordForm form;
    private final CurrentSession current;
    private final StartCountdown countdown = new StartCountdown();
    private final PendingCreate pending = new PendingCreate();
    private final RecordingStarter starter;
    private final LeftSessions left;
    private final WaitingElsewhere elsewhere;
    private final RecordingControls controls;
    private final TagRoutes tagRoutes;
    private final SessionStopper stopper;

    private final BooleanBinding canCreate;
    private final BooleanBinding canStart;
    private final BooleanBinding canStop;
    private final BooleanBinding canResume;

    /**
     * @param recorder the recorder of the current connection (null while there is none)
     * @param live follows the recorder's reports; register it as a listener of the recorder
     */
    public RecordViewModel(
            TaskRunner tasks,
            Supplier<SessionsClient> client,
            Supplier<RecorderService> recorder,
            LiveRecording live,
            Settings settings,
            Runnable saveSettings,
            Clock clock) {
        this.ops = new Operations(tasks);
        this.client = client;
        this.live = live;
        this.settings = settings;
        this.form = new RecordForm(settings);
        this.current = new CurrentSession(live, clock);
        this.starter = new RecordingStarter(ops, recorder, live, current, settings, saveSettings);
        this.left = new LeftSessions(ops, client, settings, saveSettings, starter::serverId, current::id);
        this.elsewhere = new WaitingElsewhere(tasks, recorder);
        this.controls = new RecordingControls(ops, live, current.stateProperty());
        this.tagRoutes = new TagRoutes(ops, client, current, live, tags);
        this.stopper = new SessionStopper(
                ops,
                client,
                starter::requireRecorder,
                live,
                current,
                tags,
                left,
                settings,
                saveSettings,
                starter::show);
        tags.presets().setAll(settings.presetTags);

        var state = current.stateProperty();
        var idle = ops.busyProperty().not().and(countdown.runningBinding().not());
        var noActiveSession = state.isEqualTo(RecordState.IDLE).or(state.isEqualTo(RecordState.STOPPED));
        canCreate = form.validBinding()
                .and(idle)
                .and(noActiveSession)
                .and(pending.waitingProperty().not());
        canStart = state.isEqualTo(RecordState.CREATED).and(idle);
        canStop = state.isEqualTo(RecordState.CREATED)
                .or(state.isEqualTo(RecordState.RECORDING))
                .and(idle);
        canResume = noActiveSession.and(ops.busyProperty().not());
    }

    /** The app's own windows (screen coordinates), blacked out of every frame; read on recorder threads. */
    public void setOwnWindows(Supplier<List<Rectangle>> ownWindows) {
        starter.setOwnWindows(ownWindows);
    }

    // ---- connection ----

    /** The connection is up: a Create pressed while waiting goes now; the first time, look for sessions left. */
    public void onConnected() {
        connected.set(true);
        pending.release();
        left.onConnected();
        elsewhere.refresh();
    }

    /** A recorder was built for the (possibly new) server: look for what was left recording on it, and elsewhere. */
    public void onRecorderReady() {
        left.onRecorderReady(connected.get());
        elsewhere.refresh();
    }

    public void onDisconnected() {
        connected.set(false);
    }

    // ---- a session's life ----

    public void onCreate() {
        create(form.startImmediatelyProperty().get());
    }

    private void create(boolean start) {
        if (!canCreate.get()) {
            return;
        }
        if (!connected.get()) {
            pending.hold(() -> create(start));
            return;
        }
        CreateSessionRequest request = form.request(start);
        RequestOptions once = RequestOptions.idempotencyKey(UUID.randomUUID().toString());
        Runnable call = () -> ops.run(
                "Could not create the session",
                () -> client.get().sessions().create(request).withOptions(once).execute(),
                s -> {
                    form.remember(request);
                    tags.applied().clear();
                    starter.show(s);
                });
        afterCountdown(start, call);
    }

    public void onStart() {
        if (!canStart.get()) {
            return;
        }
        String id = current.id();
        afterCountdown(
                true,
                () -> ops.run(
                        "Could not start the session",
                        () -> client.get().sessions().start(id).execute(),
                        starter::show));
    }

    private void afterCountdown(boolean starting, Runnable call) {
        if (starting && settings.countdownBeforeStart) {
            countdown.begin(call);
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

    /**
     * Soft-deletes the session created and never started (it can be restored for 30 days), clears the screen, then
     * runs {@code then}. On failure the session stays, with the reason and a retry.
     */
    public void onDeleteCreated(Runnable then) {
        String id = current.id();
        if (!current.is(RecordState.CREATED) || id == null) {
            return;
        }
        ops.run(
                "Could not delete the session",
                () -> client.get().sessions().delete(id).execute(),
                deleted -> {
                    tags.applied().clear();
                    current.deleted(id);
                    then.run();
                });
    }

    /** Stops the current session; a verdict becomes an {@code outcome} tag before the stop. */
    public void onStop(Verdict verdict) {
        onStop(verdict, () -> {});
    }

    /** Stops the current session ({@link SessionStopper}), then runs {@code then} (only if the stop succeeded). */
    public void onStop(Verdict verdict, Runnable then) {
        if (canStop.get()) {
            stopper.stopCurrent(verdict, then);
        }
    }

    /** Makes a session left recording the current one again. */
    public void onResumeLeft(Session session) {
        if (!canResume.get()) {
            return;
        }
        left.remove(session);
        starter.show(session);
        tags.applied().setAll(session.tags());
    }

    /** Stops a session left recording: the verdict, if any, and the stop go after whatever its spool still holds. */
    public void onStopLeft(Session session, Verdict verdict) {
        stopper.stopLeft(session, verdict);
    }

    /** Reloads what the settings screen may have changed (presets). */
    public void onSettingsChanged() {
        tags.presets().setAll(settings.presetTags);
    }

    public RecordForm form() {
        return form;
    }

    public CurrentSession current() {
        return current;
    }

    public StartCountdown countdown() {
        return countdown;
    }

    public PendingCreate pending() {
        return pending;
    }

    public LeftSessions left() {
        return left;
    }

    public WaitingElsewhere elsewhere() {
        return elsewhere;
    }

    public RecordingControls controls() {
        return controls;
    }

    public TagRoutes tagging() {
        return tagRoutes;
    }

    public TagsModel tags() {
        return tags;
    }

    public LiveRecording live() {
        return live;
    }

    public Operations operations() {
        return ops;
    }

    public ReadOnlyBooleanProperty connectedProperty() {
        return connected.getReadOnlyProperty();
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

    /** While no session is in hand and no call runs: a session left recording can be taken up. */
    public BooleanBinding canResumeBinding() {
        return canResume;
    }
}
