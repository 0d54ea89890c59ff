package com.nusomi.recorder.ui.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nusomi.recorder.app.DirectTaskRunner;
import com.nusomi.recorder.app.settings.Settings;
import com.nusomi.recorder.client.Include;
import com.nusomi.recorder.client.SessionsClient;
import com.nusomi.recorder.client.model.Event;
import com.nusomi.recorder.client.model.Outcome;
import com.nusomi.recorder.client.model.Session;
import com.nusomi.recorder.client.model.SessionStatus;
import com.nusomi.recorder.client.model.Tag;
import com.nusomi.recorder.client.request.CreateSessionRequest;
import com.nusomi.recorder.client.request.SessionQuery;
import com.nusomi.recorder.recorder.RecorderService;
import com.nusomi.recorder.recorder.RecorderWarning;
import com.nusomi.recorder.recorder.RejectedWork;
import com.nusomi.recorder.recorder.capture.SyntheticScreenSource;
import com.nusomi.recorder.recorder.input.SyntheticInputSource;
import com.nusomi.recorder.server.ApiServer;
import com.nusomi.recorder.server.ServerConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Record view model without a toolkit: synchronous task runner, real local server, real client. */
class RecordViewModelTest {
    @TempDir
    Path dir;

    ApiServer server;
    SessionsClient client;
    Settings settings;
    AtomicInteger saves = new AtomicInteger();
    RecordViewModel vm;
    SyntheticScreenSource screen = new SyntheticScreenSource(320, 200, true);
    SyntheticInputSource input = new SyntheticInputSource();
    RecorderService recorder;

    @BeforeEach
    void setUp() {
        server = ApiServer.start(ServerConfig.builder().dataDir(dir).port(0).build());
        client = SessionsClient.builder()
                .baseUrl(server.baseUrl())
                .apiKey(server.adminKey())
                .build();
        settings = new Settings();
        settings.captureIntervalSeconds = 0.2;
        vm = newViewModel();
        vm.onConnected();
    }

    /** A view model on its own recorder (synthetic screen and input, spool in the test folder). */
    private RecordViewModel newViewModel() {
        return newViewModel(Clock.systemUTC());
    }

    /** {@link #newViewModel()} with the timer on this clock. */
    private RecordViewModel newViewModel(Clock clock) {
        if (recorder != null) {
            recorder.close();
        }
        LiveRecording live = new LiveRecording(new DirectTaskRunner());
        recorder = RecorderService.builder(client, dir.resolve("app"))
                .screenSource(screen)
                .inputSource(input)
                .maxUploadBackoff(Duration.ofMillis(500))
                .listener(live)
                .build();
        return new RecordViewModel(
                new DirectTaskRunner(), () -> client, () -> recorder, live, settings, saves::incrementAndGet, clock);
    }

    @AfterEach
    void tearDown() {
        recorder.close();
        client.close();
        server.close();
    }

    private void awaitState(RecordViewModel model, RecordState expected) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> model.current().stateProperty().get() == expected);
    }

    private List<Session> sessionsOnServer() {
        return client.sessions().list(SessionQuery.builder().build()).execute().data();
    }

    @Test
    void createIsRefusedForAnInvalidWorkflowBeforeAnyRequest() {
        vm.form().workflowProperty().set("Process Invoice");
        assertThat(vm.form().workflowProblemProperty().get()).contains("lowercase");
        assertThat(vm.canCreateBinding().get()).isFalse();
        vm.onCreate();
        assertThat(sessionsOnServer()).isEmpty();
    }

    @Test
    void createIsRefusedForMetadataThatIsNotAJsonObject() {
        vm.form().workflowProperty().set("process_invoice");
        vm.form().metadata().setRaw(true);
        vm.form().metadata().rawTextProperty().set("[1, 2]");
        assertThat(vm.form().metadata().problemProperty().get()).contains("JSON object");
        vm.form().metadata().rawTextProperty().set("{\"vendor\": ");
        assertThat(vm.form().metadata().problemProperty().get()).startsWith("Not valid JSON");
        assertThat(vm.canCreateBinding().get()).isFalse();
        vm.onCreate();
        assertThat(sessionsOnServer()).isEmpty();
    }

    @Test
    void createIsRefusedForMetadataOver16Kilobytes() {
        vm.form().workflowProperty().set("process_invoice");
        vm.form().metadata().setRaw(true);
        vm.form().metadata().rawTextProperty().set("{\"notes\": \"" + "x".repeat(16_384) + "\"}");
        assertThat(vm.form().metadata().bytesProperty().get()).isGreaterThan(16_384);
        assertThat(vm.form().metadata().problemProperty().get()).contains("limit is 16 KB");
        assertThat(vm.canCreateBinding().get()).isFalse();
        vm.onCreate();
        assertThat(sessionsOnServer()).isEmpty();
    }

    @Test
    void createStartTagAndStopWithAVerdict() {
        vm.form().workflowProperty().set("process_invoice");
        vm.form().actorIdProperty().set("alex@nusomi.com");
        vm.form().metadata().rows().get(0).keyProperty().set("vendor");
        vm.form().metadata().rows().get(0).valueProperty().set("Acme");
        vm.form().metadata().addRow();
        vm.form().metadata().rows().get(1).keyProperty().set("amount");
        vm.form().metadata().rows().get(1).typeProperty().set(MetadataRow.ValueType.NUMBER);
        vm.form().metadata().rows().get(1).valueProperty().set("4500");
        vm.form().startImmediatelyProperty().set(false);

        vm.onCreate();
        assertThat(vm.current().stateProperty().get()).isEqualTo(RecordState.CREATED);
        vm.onStart();
        assertThat(vm.current().stateProperty().get()).isEqualTo(RecordState.RECORDING);
        assertThat(settings.startedSessions)
                .containsExactly(vm.current().sessionProperty().get().id());

        vm.tagging().onTagPreset("submitted_for_approval");
        vm.tags().customNameProperty().set("manual_check");
        vm.tags().customDataProperty().set("{\"by\": \"anna\"}");
        vm.tagging().onAddCustomTag();
        vm.onStop(Verdict.ERROR);

        String id = vm.current().sessionProperty().get().id();
        awaitState(vm, RecordState.STOPPED);
        Session s = client.sessions().get(id, Include.TAGS).execute();
        assertThat(s.status()).isIn(SessionStatus.STOPPED, SessionStatus.SEALED);
        assertThat(s.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(s.metadata()).containsEntry("vendor", "Acme").containsEntry("amount", 4500);
        assertThat(s.actor().id()).isEqualTo("alex@nusomi.com");
        assertThat(s.tags()).extracting(Tag::name).containsExactly("submitted_for_approval", "manual_check", "outcome");
        assertThat(s.tags().get(1).data()).containsEntry("by", "anna");
        assertThat(vm.tags().applied()).hasSize(3);
        assertThat(settings.recentWorkflows).containsExactly("process_invoice");
        assertThat(settings.lastActorId).isEqualTo("alex@nusomi.com");
        assertThat(settings.startedSessions).isEmpty();
    }

    @Test
    void aFailedCallShowsTheReasonAndRetrySucceedsOnceTheServerIsBack() {
        vm.form().workflowProperty().set("process_invoice");
        vm.form().startImmediatelyProperty().set(false); // created, not recording: tags go straight to the server
        vm.onCreate();
        String id = vm.current().sessionProperty().get().id();
        int port = server.port();
        server.close();

        vm.tagging().onTagPreset("step_done");
        assertThat(vm.operations().getFailure()).isNotNull();
        assertThat(vm.operations().getFailure().title()).contains("step_done");
        assertThat(vm.current().stateProperty().get()).isEqualTo(RecordState.CREATED);

        server = ApiServer.start(ServerConfig.builder().dataDir(dir).port(port).build());
        vm.operations().retry();
        assertThat(vm.operations().getFailure()).isNull();
        assertThat(client.sessions().get(id, Include.TAGS).execute().tags())
                .extracting(Tag::name)
                .containsExactly("step_done");
    }

    @Test
    void whileRecordingTagsWaitInTheSpoolWhenTheServerIsDownAndArriveWhenItIsBack() {
        vm.form().workflowProperty().set("process_invoice");
        vm.onCreate();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> vm.live().activeProperty().get());
        String id = vm.current().sessionProperty().get().id();
        int port = server.port();
        server.close();

        vm.tagging().onTagPreset("step_done");
        assertThat(vm.operations().getFailure()).isNull();
        assertThat(vm.tags().applied()).extracting(Tag::name).containsExactly("step_done");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> vm.live().uploadWaitingProperty().get()
                        && vm.live().warnings().stream()
                                .anyMatch(w -> w.kind() == RecorderWarning.Kind.UPLOAD_WAITING));
        assertThat(vm.live().pendingEntriesProperty().get()).isPositive();

        server = ApiServer.start(ServerConfig.builder().dataDir(dir).port(port).build());
        // the status report (upload waiting off) and the warning's removal (upload resumed) are two reports
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !vm.live().uploadWaitingProperty().get()
                        && vm.live().warnings().stream()
                                .noneMatch(w -> w.kind() == RecorderWarning.Kind.UPLOAD_WAITING));
        vm.onStop(Verdict.SUCCESS);
        awaitState(vm, RecordState.STOPPED);
        Session s = client.sessions().get(id, Include.TAGS).execute();
        assertThat(s.tags()).extracting(Tag::name).containsExactly("step_done", "outcome");
        assertThat(s.frameCount()).isPositive();
        assertThat(vm.live().pendingEntriesProperty().get()).isZero();
    }

    @Test
    void aRefusedStopIsShownPlainlyWithTheRequestId() {
        vm.form().workflowProperty().set("process_invoice");
        vm.onCreate();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> vm.live().activeProperty().get());
        String id = vm.current().sessionProperty().get().id();
        client.sessions().delete(id).execute(); // deleted elsewhere while this machine records it

        vm.onStop(Verdict.SUCCESS);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> vm.operations().getFailure() != null
                        && vm.operations().getFailure().title().contains("refused the stop"));
        assertThat(vm.operations().getFailure().title()).contains(id);
        assertThat(vm.operations().getFailure().requestId()).isNotBlank();
        assertThat(vm.live().rejected()).extracting(RejectedWork::kind).contains(RejectedWork.Kind.STOP);
        assertThat(vm.live().rejectedDetails()).contains("stop");
        assertThat(vm.current().stateProperty().get()).isEqualTo(RecordState.STOPPED);
        assertThat(vm.current().statusTextBinding().get()).isEqualTo("Stop refused by the server");
        assertThat(vm.canCreateBinding().get()).isTrue();
        assertThat(vm.live().activeProperty().get()).isFalse();
    }

    @Test
    void withoutInputHooksTheScreenSaysSoAndFramesAndNotesStillGoIn() {
        input = new SyntheticInputSource("no X server for global hooks");
        vm = newViewModel();
        vm.onConnected();
        vm.form().workflowProperty().set("process_invoice");
        vm.onCreate();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> vm.live().activeProperty().get());
        assertThat(vm.live().inputNoticeProperty().get())
                .isEqualTo(
                        "Clicks and keys are not recorded: no X server for global hooks — frames and notes still are");
        vm.controls().noteProperty().set("typed the invoice number");
        vm.controls().onAddNote();
        vm.onStop(Verdict.SUCCESS);
        awaitState(vm, RecordState.STOPPED);
        Session s =
                client.sessions().get(vm.current().sessionProperty().get().id()).execute();
        assertThat(s.frameCount()).isPositive();
        assertThat(s.eventCount()).isEqualTo(1);
    }

    @Test
    void theTimerStandsStillWhilePausedShowsThePausedTimeApartAndEndsAtTheServersRecordedTime() {
        AtomicLong now = new AtomicLong(1_000_000);
        vm = newViewModel(new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return Instant.ofEpochMilli(now.get());
            }
        });
        vm.onConnected();
        vm.form().workflowProperty().set("paused_run");
        vm.onCreate();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> vm.controls().canPauseBinding().get());
        String id = vm.current().sessionProperty().get().id();
        long start = vm.current().timer().recordedMsProperty().get();

        now.addAndGet(5_000);
        vm.current().tick();
        assertThat(vm.current().timer().recordedMsProperty().get()).isEqualTo(start + 5_000);
        vm.controls().onPause();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> vm.live().pausedProperty().get());
        now.addAndGet(12_000);
        vm.current().tick();
        assertThat(vm.current().timer().recordedMsProperty().get())
                .as("frozen while paused")
                .isEqualTo(start + 5_000);
        assertThat(vm.current().timer().textProperty().get()).isEqualTo("PAUSED · 00:00:05");
        assertThat(vm.current().timer().pausedTextProperty().get()).isEqualTo("paused 0:12");
        vm.controls().onContinue();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !vm.live().pausedProperty().get());
        now.addAndGet(3_000);
        vm.current().tick();
        assertThat(vm.current().timer().recordedMsProperty().get()).isEqualTo(start + 8_000);
        assertThat(vm.current().timer().pausedTextProperty().get()).isEqualTo("paused 0:12");

        vm.onStop(Verdict.SERVER_DECIDES);
        awaitState(vm, RecordState.STOPPED);
        Session s = client.sessions().get(id).execute();
        assertThat(vm.current().timer().recordedMsProperty().get())
                .as("the server's duration less its paused time")
                .isEqualTo(s.durationMs() - s.pausedMs());
        assertThat(vm.current().timer().pausedMsProperty().get()).isEqualTo(s.pausedMs());
    }

    @Test
    void pauseAndResumeGoThroughTheRecordingAndANoteBecomesAnEvent() {
        vm.form().workflowProperty().set("process_invoice");
        vm.onCreate();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> vm.controls().canPauseBinding().get());
        String id = vm.current().sessionProperty().get().id();

        vm.controls().onPause();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> vm.live().pausedProperty().get());
        assertThat(vm.current().timer().textProperty().get()).startsWith("PAUSED");
        assertThat(vm.current().statusTextBinding().get()).isEqualTo("Paused");
        assertThat(vm.controls().canContinueBinding().get()).isTrue();
        vm.controls().onContinue();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !vm.live().pausedProperty().get());
        assertThat(vm.current().statusTextBinding().get()).isEqualTo("Recording");

        vm.controls().noteProperty().set("vendor field was empty");
        vm.controls().onAddNote();
        assertThat(vm.controls().noteProperty().get()).isEmpty();
        vm.onStop(Verdict.SERVER_DECIDES);
        awaitState(vm, RecordState.STOPPED);

        List<Event> events = new ArrayList<>();
        client.events().listAll(id).forEach(events::add);
        assertThat(events).extracting(Event::type).contains("marker", "note");
        assertThat(events.stream()
                        .filter(e -> e.type().equals("marker"))
                        .map(e -> e.data().get("kind")))
                .containsExactly("pause", "resume");
        assertThat(events.stream()
                        .filter(e -> e.type().equals("note"))
                        .map(e -> e.data().get("text")))
                .containsExactly("vendor field was empty");
    }

    @Test
    void aSessionLeftRecordingIsOfferedAndCanBeResumed() {
        Session left = client.sessions()
                .create(CreateSessionRequest.builder("process_invoice")
                        .start(true)
                        .build())
                .execute();
        settings.rememberStarted(left.id());
        settings.rememberStarted("ses_01HZZZZZZZZZZZZZZZZZZZZZZZ");
        RecordViewModel fresh = newViewModel();
        fresh.onConnected();
        assertThat(fresh.left().sessions()).extracting(Session::id).containsExactly(left.id());
        assertThat(settings.startedSessions).containsExactly(left.id());

        fresh.onResumeLeft(fresh.left().sessions().get(0));
        assertThat(fresh.current().stateProperty().get()).isEqualTo(RecordState.RECORDING);
        assertThat(fresh.current().sessionProperty().get().id()).isEqualTo(left.id());
        await().atMost(Duration.ofSeconds(10))
                .until(() -> fresh.live().activeProperty().get());
        fresh.onStop(Verdict.SERVER_DECIDES);
        awaitState(fresh, RecordState.STOPPED);
        assertThat(client.sessions().get(left.id()).execute().status())
                .isIn(SessionStatus.STOPPED, SessionStatus.SEALED);
    }

    @Test
    void aSessionLeftRecordingIsStoppedWithItsVerdictThroughTheRecorder() {
        Session left = client.sessions()
                .create(CreateSessionRequest.builder("process_invoice")
                        .start(true)
                        .build())
                .execute();
        settings.rememberStarted(left.id());
        RecordViewModel fresh = newViewModel();
        fresh.onConnected();
        assertThat(fresh.left().sessions()).extracting(Session::id).containsExactly(left.id());

        fresh.onStopLeft(fresh.left().sessions().get(0), Verdict.ERROR);
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        fresh.left().sessions().isEmpty() && !fresh.operations().isBusy());
        assertThat(fresh.operations().getFailure()).isNull();
        Session s = client.sessions().get(left.id(), Include.TAGS).execute();
        assertThat(s.status()).isIn(SessionStatus.STOPPED, SessionStatus.SEALED);
        assertThat(s.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(s.tags()).extracting(Tag::name).containsExactly("outcome");
        assertThat(settings.startedSessions).isEmpty();
        assertThat(fresh.current().stateProperty().get())
                .as("the screen shows no session")
                .isEqualTo(RecordState.IDLE);
    }

    @Test
    void createPressedBeforeTheServerAnswersWaitsForItThenCreates() {
        RecordViewModel early = newViewModel();
        early.form().workflowProperty().set("early_bird");
        early.form().startImmediatelyProperty().set(false);
        assertThat(early.canCreateBinding().get())
                .as("Create is on before the server answers")
                .isTrue();

        early.onCreate();
        assertThat(early.pending().waitingProperty().get()).isTrue();
        assertThat(early.canCreateBinding().get())
                .as("no second Create while one waits")
                .isFalse();
        assertThat(sessionsOnServer())
                .as("nothing sent before the server answers")
                .isEmpty();

        early.onConnected();
        awaitState(early, RecordState.CREATED);
        assertThat(early.pending().waitingProperty().get()).isFalse();
        assertThat(sessionsOnServer()).extracting(Session::workflow).containsExactly("early_bird");
    }

    @Test
    void aWaitingCreateCanBeCancelled() {
        RecordViewModel early = newViewModel();
        early.form().workflowProperty().set("early_bird");
        early.onCreate();
        early.pending().cancel();
        assertThat(early.pending().waitingProperty().get()).isFalse();
        assertThat(early.canCreateBinding().get()).isTrue();

        early.onConnected();
        assertThat(early.current().stateProperty().get()).isEqualTo(RecordState.IDLE);
        assertThat(sessionsOnServer()).isEmpty();
    }

    @Test
    void buttonsAreEnabledOnlyWhenTheyMakeSense() {
        assertThat(vm.canCreateBinding().get()).isFalse();
        vm.form().workflowProperty().set("process_invoice");
        assertThat(vm.canCreateBinding().get()).isTrue();
        assertThat(vm.canStartBinding().get()).isFalse();
        assertThat(vm.canStopBinding().get()).isFalse();
        vm.form().startImmediatelyProperty().set(false);
        vm.onCreate();
        assertThat(vm.canCreateBinding().get()).isFalse();
        assertThat(vm.canStartBinding().get()).isTrue();
        assertThat(vm.canStopBinding().get()).isTrue();
        vm.onStart();
        assertThat(vm.canStartBinding().get()).isFalse();
        assertThat(vm.tagging().canTagBinding().get()).isTrue();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> vm.controls().canPauseBinding().get());
        vm.onStop(Verdict.SUCCESS);
        awaitState(vm, RecordState.STOPPED);
        assertThat(vm.canCreateBinding().get()).isTrue();
        assertThat(vm.canStopBinding().get()).isFalse();
        assertThat(vm.tagging().canTagBinding().get()).isFalse();
    }

    @Test
    void countdownRunsBeforeTheStartCall() {
        settings.countdownBeforeStart = true;
        vm.form().workflowProperty().set("process_invoice");
        vm.onCreate();
        assertThat(vm.countdown().remainingProperty().get()).isEqualTo(3);
        assertThat(sessionsOnServer()).isEmpty();
        vm.countdown().onTick();
        vm.countdown().onTick();
        assertThat(sessionsOnServer()).isEmpty();
        vm.countdown().onTick();
        assertThat(vm.current().stateProperty().get()).isEqualTo(RecordState.RECORDING);
        assertThat(sessionsOnServer()).hasSize(1);
    }
}
