package com.nusomi.recorder.ui.record;

import com.nusomi.recorder.app.settings.Settings;
import com.nusomi.recorder.client.RequestOptions;
import com.nusomi.recorder.client.SessionsClient;
import com.nusomi.recorder.client.model.Outcome;
import com.nusomi.recorder.client.model.Session;
import com.nusomi.recorder.client.request.TagRequest;
import com.nusomi.recorder.recorder.RecorderService;
import com.nusomi.recorder.recorder.Recording;
import com.nusomi.recorder.recorder.RejectedWork;
import com.nusomi.recorder.ui.common.Failure;
import com.nusomi.recorder.ui.common.Operations;
import com.nusomi.recorder.ui.common.Verdict;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Ends runs with the operator's verdict (an {@code outcome} tag before the stop; none when the server decides).
 * A session recorded here (the one being recorded, or one left recording) is finished through the recorder
 * ({@link RecorderService#finish(String, Outcome)}): the verdict and the stop go after everything recorded, and the
 * screen follows the drain until the server acknowledged the stop. A session created and never recorded stops
 * through the client. A stop the server refuses is said plainly, with its request id.
 */
final class SessionStopper {
    private final Operations ops;
    private final Supplier<SessionsClient> client;
    private final Supplier<RecorderService> recorder;
    private final LiveRecording live;
    private final CurrentSession current;
    private final TagsModel tags;
    private final LeftSessions left;
    private final Settings settings;
    private final Runnable saveSettings;
    private final Consumer<Session> show;

    /**
     * @param recorder the recorder of the current connection; throws while there is none
     * @param show shows a session the server returned as the current one
     */
    SessionStopper(
            Operations ops,
            Supplier<SessionsClient> client,
            Supplier<RecorderService> recorder,
            LiveRecording live,
            CurrentSession current,
            TagsModel tags,
            LeftSessions left,
            Settings settings,
            Runnable saveSettings,
            Consumer<Session> show) {
        this.ops = ops;
        this.client = client;
        this.recorder = recorder;
        this.live = live;
        this.current = current;
        this.tags = tags;
        this.left = left;
        this.settings = settings;
        this.saveSettings = saveSettings;
        this.show = show;
    }

    /** Stops the current session, then runs {@code then} (only if the stop succeeded). */
    void stopCurrent(Verdict verdict, Runnable then) {
        Recording r = live.recording();
        if (r != null && current.is(RecordState.RECORDING)) {
            stopRecording(r, verdict, then);
            return;
        }
        String id = current.id();
        Runnable stop = () -> ops.run(
                "Could not stop the session",
                () -> client.get().sessions().stop(id).execute(),
                s -> {
                    settings.forgetStarted(id);
                    saveSettings.run();
                    show.accept(s);
                    then.run();
                });
        Outcome outcome = outcomeOf(verdict);
        if (outcome == null) {
            stop.run();
            return;
        }
        TagRequest tag = TagRequest.outcome(outcome);
        RequestOptions once = RequestOptions.idempotencyKey(UUID.randomUUID().toString());
        ops.run(
                "Could not record the verdict",
                () -> client.get().sessions().tag(id, tag).withOptions(once).execute(),
                added -> {
                    tags.applied().add(added);
                    stop.run();
                });
    }

    // the whenComplete callback handles both outcomes (refused(id, e) on failure)
    @SuppressWarnings("FutureReturnValueIgnored")
    private void stopRecording(Recording r, Verdict verdict, Runnable then) {
        String id = r.sessionId();
        Outcome outcome = outcomeOf(verdict);
        ops.run("Could not stop the recording", () -> recorder.get().finish(id, outcome), stopped -> {
            if (outcome != null) {
                tags.applied().add(current.localTag(id, "outcome", Map.of("value", outcome.wireValue())));
            }
            current.stopping();
            stopped.whenComplete((acknowledged, e) -> ops.tasks().onUi(() -> {
                live.detach();
                if (e == null && Boolean.TRUE.equals(acknowledged)) {
                    ops.run(
                            "Could not read the stopped session",
                            () -> client.get().sessions().get(id).execute(),
                            s -> {
                                settings.forgetStarted(id);
                                show.accept(s);
                                then.run();
                            });
                } else {
                    refused(id, e);
                }
            }));
        });
    }

    /**
     * Stops a session left recording through the recorder ({@link RecorderService#finish(String, Outcome)}): the
     * verdict, if any, and the stop go after whatever its spool still holds.
     */
    // the whenComplete callback handles both outcomes
    @SuppressWarnings("FutureReturnValueIgnored")
    void stopLeft(Session session, Verdict verdict) {
        String id = session.id();
        Outcome outcome = outcomeOf(verdict);
        ops.run(
                "Could not stop the session",
                () -> recorder.get().finish(id, outcome),
                finished ->
                        finished.whenComplete((acknowledged, e) -> ops.tasks().onUi(() -> {
                            if (e == null && Boolean.TRUE.equals(acknowledged)) {
                                ops.run(
                                        "Could not read the stopped session",
                                        () -> client.get().sessions().get(id).execute(),
                                        s -> left.forget(id));
                            } else {
                                refused(id, e);
                            }
                        })));
    }

    private static Outcome outcomeOf(Verdict verdict) {
        return verdict == null ? null : verdict.outcome();
    }

    /** The server refused the stop (e.g. the session was stopped elsewhere): say so plainly, with its request id. */
    private void refused(String id, Throwable e) {
        RejectedWork stop = live.rejected().stream()
                .filter(RejectedWork::isStop)
                .reduce((a, b) -> b)
                .orElse(null);
        String why = stop != null
                ? (stop.message() != null ? stop.message() : "refused")
                        + (stop.code() != null ? " [" + stop.code() + ", HTTP " + stop.httpStatus() + "]" : "")
                : e != null ? Failure.describe(e) : "refused";
        Failure f =
                new Failure("The server refused the stop of " + id, why, stop != null ? stop.requestId() : null, null);
        left.forget(id);
        boolean isCurrent = id.equals(current.id());
        if (isCurrent) {
            current.stopRefused();
        }
        ops.run(
                "Could not read the session",
                () -> client.get().sessions().get(id).execute(),
                s -> {
                    if (isCurrent) {
                        show.accept(s);
                    }
                    ops.fail(f);
                });
        ops.fail(f);
    }
}
