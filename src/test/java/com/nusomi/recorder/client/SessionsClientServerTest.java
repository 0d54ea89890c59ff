package com.nusomi.recorder.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.nusomi.recorder.client.exception.AuthenticationException;
import com.nusomi.recorder.client.exception.ConflictException;
import com.nusomi.recorder.client.exception.GoneException;
import com.nusomi.recorder.client.exception.InvalidRequestException;
import com.nusomi.recorder.client.exception.NotFoundException;
import com.nusomi.recorder.client.exception.PermissionException;
import com.nusomi.recorder.client.model.Actor;
import com.nusomi.recorder.client.model.ActorKind;
import com.nusomi.recorder.client.model.AuditLogEntry;
import com.nusomi.recorder.client.model.BatchStopResult;
import com.nusomi.recorder.client.model.HardDeleteResult;
import com.nusomi.recorder.client.model.Health;
import com.nusomi.recorder.client.model.Outcome;
import com.nusomi.recorder.client.model.Session;
import com.nusomi.recorder.client.model.SessionStatus;
import com.nusomi.recorder.client.model.StopReason;
import com.nusomi.recorder.client.model.Tag;
import com.nusomi.recorder.client.request.AuditLogQuery;
import com.nusomi.recorder.client.request.CreateSessionRequest;
import com.nusomi.recorder.client.request.SessionQuery;
import com.nusomi.recorder.client.request.TagRequest;
import com.nusomi.recorder.server.ApiServer;
import com.nusomi.recorder.server.ServerConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real client against the real local server on a loopback port: every [core] endpoint and the [ext]
 * ones the server offers, every list filter, paging, and every error category the server can produce.
 * Each test works in workflows of its own, so tests do not see each other's sessions.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionsClientServerTest {
    private static final AtomicInteger WORKFLOWS = new AtomicInteger();

    private ApiServer server;
    private SessionsClient admin;
    private SessionsClient writer;
    private SessionsClient reader;

    @BeforeAll
    void startServer(@TempDir Path dataDir) {
        server = ApiServer.start(ServerConfig.builder().dataDir(dataDir).port(0).build());
        admin = client(server.adminKey());
        writer = client(server.createKey(Set.of("read", "write")));
        reader = client(server.createKey(Set.of("read")));
    }

    @AfterAll
    void stopServer() {
        for (SessionsClient c : new SessionsClient[] {admin, writer, reader}) {
            if (c != null) {
                c.close();
            }
        }
        if (server != null) {
            server.close();
        }
    }

    private SessionsClient client(String key) {
        return SessionsClient.builder()
                .baseUrl(server.baseUrl())
                .apiKey(key)
                .retryPolicy(RetryPolicy.defaults().withBackoff(Duration.ofMillis(5), Duration.ofMillis(50)))
                .build();
    }

    private static String newWorkflow() {
        return "wf_" + WORKFLOWS.incrementAndGet() + "_" + Long.toString(System.nanoTime(), 36);
    }

    private Session create(String workflow) {
        return writer.sessions().create(CreateSessionRequest.of(workflow)).execute();
    }

    private List<String> ids(SessionQuery query) {
        return writer.sessions().listAll(query).stream().map(Session::id).collect(Collectors.toList());
    }

    // ---- health, create, idempotency ----

    @Test
    void healthNeedsNoKey() {
        try (SessionsClient anonymous =
                SessionsClient.builder().baseUrl(server.baseUrl()).build()) {
            Health health = anonymous.health().execute();
            assertThat(health.isOk()).isTrue();
            assertThat(health.version()).isNotBlank();
            assertThat(health.policies())
                    .as("[ext] policies, all off by default")
                    .isNotNull();
            assertThat(health.policies().any()).isFalse();
        }
    }

    @Test
    void createWithEveryField() {
        String wf = newWorkflow();
        Session s = writer.sessions()
                .create(CreateSessionRequest.builder(wf)
                        .metadata(Map.of("vendor", "Acme", "amount", 4500, "lines", List.of(1, 2)))
                        .actor(Actor.model("gpt-operator"))
                        .start(true)
                        .idempotencyKey("create-all-" + wf)
                        .build())
                .execute();

        assertThat(s.id()).startsWith("ses_").hasSize(30);
        assertThat(s.workflow()).isEqualTo(wf);
        assertThat(s.status()).isEqualTo(SessionStatus.RECORDING);
        assertThat(s.startedAt()).isNotNull();
        assertThat(s.outcome()).isNull();
        assertThat(s.metadata())
                .containsEntry("vendor", "Acme")
                .containsEntry("amount", 4500)
                .containsEntry("lines", List.of(1, 2));
        assertThat(s.actor()).isEqualTo(new Actor("gpt-operator", ActorKind.MODEL));
        assertThat(s.createdAt()).isNotNull();
    }

    @Test
    void createDefaults() {
        Session s = create(newWorkflow());

        assertThat(s.status()).isEqualTo(SessionStatus.CREATED);
        assertThat(s.metadata()).isEmpty();
        assertThat(s.actor()).isNull();
        assertThat(s.startedAt()).isNull();
        assertThat(s.durationMs()).isZero();
        assertThat(s.frameCount()).isZero();
        assertThat(s.eventCount()).isZero();
    }

    @Test
    void sameIdempotencyKeyReplaysTheFirstResponse() {
        CreateSessionRequest request = CreateSessionRequest.of(newWorkflow());
        RequestOptions options = RequestOptions.idempotencyKey("replay-" + request.workflow());

        ApiResult<Session> first =
                writer.sessions().create(request).withOptions(options).executeForResult();
        ApiResult<Session> second =
                writer.sessions().create(request).withOptions(options).executeForResult();

        assertThat(first.httpStatus()).isEqualTo(201);
        assertThat(first.replayed()).isFalse();
        assertThat(first.idempotencyKey()).isEqualTo(options.idempotencyKey());
        assertThat(first.requestId()).startsWith("req_");
        assertThat(second.replayed()).isTrue();
        assertThat(second.httpStatus()).isEqualTo(201);
        assertThat(second.value().id()).isEqualTo(first.value().id());
        assertThat(ids(SessionQuery.builder().workflow(request.workflow()).build()))
                .hasSize(1);
    }

    @Test
    void generatedIdempotencyKeysDifferPerCall() {
        String wf = newWorkflow();
        ApiResult<Session> a =
                writer.sessions().create(CreateSessionRequest.of(wf)).executeForResult();
        ApiResult<Session> b =
                writer.sessions().create(CreateSessionRequest.of(wf)).executeForResult();

        assertThat(a.idempotencyKey()).isNotBlank().isNotEqualTo(b.idempotencyKey());
        assertThat(a.value().id()).isNotEqualTo(b.value().id());
    }

    @Test
    void reusingAKeyForAnotherRequestIsAConflict() {
        String key = "reuse-" + newWorkflow();
        writer.sessions()
                .create(CreateSessionRequest.of(newWorkflow()))
                .withOptions(RequestOptions.idempotencyKey(key))
                .execute();

        assertThatThrownBy(() -> writer.sessions()
                        .create(CreateSessionRequest.of(newWorkflow()))
                        .withOptions(RequestOptions.idempotencyKey(key))
                        .execute())
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.code()).isEqualTo("idempotency_key_reused");
                    assertThat(e.idempotencyKey()).isEqualTo(key);
                    assertThat(e.attempts()).isEqualTo(1);
                    assertThat(e.requestId()).startsWith("req_");
                    assertThat(e.getMessage()).contains(e.requestId());
                });
    }

    @Test
    void bodyKeyDifferentFromHeaderKeyIsRejected() {
        CreateSessionRequest request = CreateSessionRequest.builder(newWorkflow())
                .idempotencyKey("body-key")
                .build();

        assertThatThrownBy(() -> writer.sessions()
                        .create(request)
                        .withOptions(RequestOptions.idempotencyKey("header-key"))
                        .execute())
                .isInstanceOfSatisfying(
                        InvalidRequestException.class, e -> assertThat(e.code()).isEqualTo("idempotency_key_invalid"));
    }

    // ---- validation (400) ----

    @Test
    void invalidWorkflowIsRejectedNamingItsParam() {
        assertThatThrownBy(() -> writer.sessions()
                        .create(CreateSessionRequest.of("Not A Slug"))
                        .execute())
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(400);
                    assertThat(e.type()).isEqualTo("invalid_request_error");
                    assertThat(e.code()).isEqualTo("workflow_invalid");
                    assertThat(e.param()).isEqualTo("workflow");
                });
    }

    @Test
    void metadataMustBeAnObjectOfBoundedSize() {
        assertThatThrownBy(() -> writer.sessions()
                        .create(CreateSessionRequest.builder(newWorkflow())
                                .metadataJson("[1,2]")
                                .build())
                        .execute())
                .isInstanceOfSatisfying(
                        InvalidRequestException.class, e -> assertThat(e.code()).isEqualTo("metadata_invalid"));
        assertThatThrownBy(() -> writer.sessions()
                        .create(CreateSessionRequest.builder(newWorkflow())
                                .metadata(Map.of("blob", "x".repeat(17_000)))
                                .build())
                        .execute())
                .isInstanceOfSatisfying(
                        InvalidRequestException.class, e -> assertThat(e.code()).isEqualTo("metadata_too_large"));
    }

    @Test
    void actorNeedsAnId() {
        assertThatThrownBy(() -> writer.sessions()
                        .create(CreateSessionRequest.builder(newWorkflow())
                                .actor(new Actor("", ActorKind.HUMAN))
                                .build())
                        .execute())
                .isInstanceOfSatisfying(
                        InvalidRequestException.class, e -> assertThat(e.code()).isEqualTo("actor_invalid"));
    }

    @Test
    void listRejectsBadLimitAndSinceNamingTheParam() {
        assertThatThrownBy(() -> writer.sessions()
                        .list(SessionQuery.builder().limit(0).build())
                        .execute())
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        e -> assertThat(e.param()).isEqualTo("limit"));
        assertThatThrownBy(() -> writer.sessions()
                        .list(SessionQuery.builder().limit(501).build())
                        .execute())
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        e -> assertThat(e.param()).isEqualTo("limit"));
        assertThatThrownBy(() -> writer.sessions()
                        .list(SessionQuery.builder().sinceRaw("yesterday").build())
                        .execute())
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        e -> assertThat(e.param()).isEqualTo("since"));
    }

    @Test
    void cursorsAreBoundToTheirFilters() {
        String wf = newWorkflow();
        create(wf);
        create(wf);
        Page<Session> first = writer.sessions()
                .list(SessionQuery.builder().workflow(wf).limit(1).build())
                .execute();
        assertThat(first.hasMore()).isTrue();

        assertThatThrownBy(() -> writer.sessions()
                        .list(SessionQuery.builder()
                                .workflow(newWorkflow())
                                .limit(1)
                                .cursor(first.nextCursor())
                                .build())
                        .execute())
                .isInstanceOfSatisfying(
                        InvalidRequestException.class, e -> assertThat(e.code()).isEqualTo("cursor_mismatch"));
        assertThatThrownBy(() -> writer.sessions()
                        .list(SessionQuery.builder()
                                .workflow(wf)
                                .cursor("not-a-cursor!")
                                .build())
                        .execute())
                .isInstanceOfSatisfying(
                        InvalidRequestException.class, e -> assertThat(e.code()).isEqualTo("cursor_invalid"));
    }

    // ---- lifecycle ----

    @Test
    void startThenStopThenSeal() {
        Session created = create(newWorkflow());

        Session recording = writer.sessions().start(created.id()).execute();
        assertThat(recording.status()).isEqualTo(SessionStatus.RECORDING);
        assertThat(recording.startedAt()).isNotNull();
        assertThat(writer.sessions().start(created.id()).execute().startedAt()).isEqualTo(recording.startedAt());

        Session stopped = writer.sessions().stop(created.id()).execute();
        assertThat(stopped.status()).isEqualTo(SessionStatus.STOPPED);
        assertThat(stopped.stoppedAt()).isNotNull();
        assertThat(stopped.stopReason()).isEqualTo(StopReason.STOP);
        assertThat(stopped.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(stopped.durationMs())
                .isEqualTo(Duration.between(stopped.startedAt(), stopped.stoppedAt())
                        .toMillis());

        Session again = writer.sessions().stop(created.id()).execute();
        assertThat(again.stoppedAt()).isEqualTo(stopped.stoppedAt());

        await().atMost(Duration.ofSeconds(10))
                .until(() -> writer.sessions().get(created.id()).execute().status() == SessionStatus.SEALED);
        assertThat(writer.sessions().stop(created.id()).execute().status()).isEqualTo(SessionStatus.SEALED);
    }

    @Test
    void startingAStoppedSessionIsAConflict() {
        Session s = create(newWorkflow());
        Session stopped = writer.sessions().stop(s.id()).execute();
        assertThat(stopped.durationMs()).isZero();
        assertThat(stopped.outcome()).isEqualTo(Outcome.ABANDONED);

        assertThatThrownBy(() -> writer.sessions().start(s.id()).execute())
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(409);
                    assertThat(e.type()).isEqualTo("conflict_error");
                    assertThat(e.code()).isEqualTo("session_not_startable");
                    assertThat(e.idempotencyKey()).isNotBlank();
                });
    }

    // ---- tags and get ----

    @Test
    void tagsCarryDataAndOffsetAndAVerdictChangesTheOutcome() {
        Session s = writer.sessions()
                .create(CreateSessionRequest.builder(newWorkflow()).start(true).build())
                .execute();

        Tag tag = writer.sessions()
                .tag(s.id(), TagRequest.of("submitted_for_approval", Map.of("approver", "anna@acme.com")))
                .execute();
        assertThat(tag.id()).startsWith("tag_");
        assertThat(tag.sessionId()).isEqualTo(s.id());
        assertThat(tag.name()).isEqualTo("submitted_for_approval");
        assertThat(tag.data()).containsEntry("approver", "anna@acme.com");
        assertThat(tag.offsetMs()).isNotNull().isGreaterThanOrEqualTo(0L);

        assertThat(writer.sessions().stop(s.id()).execute().outcome()).isEqualTo(Outcome.SUCCESS);
        writer.sessions().tag(s.id(), TagRequest.outcome(Outcome.ERROR)).execute();
        assertThat(writer.sessions().get(s.id()).execute().outcome()).isEqualTo(Outcome.ERROR);
    }

    @Test
    void tagOnANeverStartedSessionHasNoOffset() {
        Session s = create(newWorkflow());

        assertThat(writer.sessions()
                        .tag(s.id(), TagRequest.of("note"))
                        .execute()
                        .offsetMs())
                .isNull();
    }

    @Test
    void invalidTagNameIsRejected() {
        Session s = create(newWorkflow());

        assertThatThrownBy(() ->
                        writer.sessions().tag(s.id(), TagRequest.of("Bad Tag")).execute())
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        e -> assertThat(e.param()).isEqualTo("name"));
    }

    @Test
    void getEmbedsWhatIsIncluded() {
        Session s = create(newWorkflow());
        writer.sessions().tag(s.id(), TagRequest.of("first")).execute();
        writer.sessions().tag(s.id(), TagRequest.of("second")).execute();

        Session plain = writer.sessions().get(s.id()).execute();
        assertThat(plain.tags()).isEmpty();
        assertThat(plain.framesSummary()).isNull();

        Session full = writer.sessions()
                .get(s.id(), Include.TAGS, Include.EVENTS, Include.FRAMES_SUMMARY)
                .execute();
        assertThat(full.tags()).extracting(Tag::name).containsExactly("first", "second");
        assertThat(full.events()).isEmpty();
        assertThat(full.eventsTruncated()).isFalse();
        assertThat(full.framesSummary()).isNotNull();
        assertThat(full.framesSummary().count()).isZero();
        assertThat(full.framesSummary().firstAt()).isNull();
        assertThat(full.framesSummary().thumbnails()).isEmpty();
    }

    @Test
    void unknownSessionIsNotFound() {
        assertThatThrownBy(() ->
                        writer.sessions().get("ses_01HZZZZZZZZZZZZZZZZZZZZZZZ").execute())
                .isInstanceOfSatisfying(NotFoundException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(404);
                    assertThat(e.code()).isEqualTo("session_not_found");
                    assertThat(e.requestId()).startsWith("req_");
                    assertThat(e.getMessage()).contains(e.requestId());
                });
    }

    // ---- list filters ----

    @Test
    void listFiltersByWorkflowsAndStatuses() {
        String wfA = newWorkflow();
        String wfB = newWorkflow();
        Session a1 = create(wfA);
        Session a2 = writer.sessions()
                .create(CreateSessionRequest.builder(wfA).start(true).build())
                .execute();
        Session b1 = create(wfB);
        Session b2 = create(wfB);
        writer.sessions().stop(b2.id()).execute();

        assertThat(ids(SessionQuery.builder().workflow(wfA, wfB).build()))
                .containsExactlyInAnyOrder(a1.id(), a2.id(), b1.id(), b2.id());
        assertThat(ids(SessionQuery.builder()
                        .workflow(wfA, wfB)
                        .status(SessionStatus.RECORDING)
                        .build()))
                .containsExactly(a2.id());
        assertThat(ids(SessionQuery.builder()
                        .workflow(wfA, wfB)
                        .status(SessionStatus.CREATED, SessionStatus.STOPPED, SessionStatus.SEALED)
                        .build()))
                .containsExactlyInAnyOrder(a1.id(), b1.id(), b2.id());
    }

    @Test
    void listIsNewestFirst() {
        String wf = newWorkflow();
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(create(wf).id());
        }
        List<Session> listed = writer.sessions()
                .list(SessionQuery.builder().workflow(wf).build())
                .execute()
                .data();

        assertThat(listed).extracting(Session::createdAt).isSortedAccordingTo((x, y) -> y.compareTo(x));
        assertThat(listed).extracting(Session::id).containsExactlyElementsOf(reversed(created));
    }

    private static List<String> reversed(List<String> in) {
        List<String> out = new ArrayList<>(in);
        Collections.reverse(out);
        return out;
    }

    @Test
    void listFiltersByOutcome() {
        String wf = newWorkflow();
        Session abandoned = create(wf);
        writer.sessions().stop(abandoned.id()).execute();
        Session success = writer.sessions()
                .create(CreateSessionRequest.builder(wf).start(true).build())
                .execute();
        writer.sessions().stop(success.id()).execute();
        Session failed = writer.sessions()
                .create(CreateSessionRequest.builder(wf).start(true).build())
                .execute();
        writer.sessions().tag(failed.id(), TagRequest.of("upload_failed")).execute();
        writer.sessions().stop(failed.id()).execute();
        create(wf); // still created: no outcome

        assertThat(ids(SessionQuery.builder()
                        .workflow(wf)
                        .outcome(Outcome.ERROR)
                        .build()))
                .containsExactly(failed.id());
        assertThat(ids(SessionQuery.builder()
                        .workflow(wf)
                        .outcome(Outcome.SUCCESS, Outcome.ABANDONED)
                        .build()))
                .containsExactlyInAnyOrder(success.id(), abandoned.id());
    }

    @Test
    void listFiltersByActorKind() {
        String wf = newWorkflow();
        Session human = writer.sessions()
                .create(CreateSessionRequest.builder(wf)
                        .actor(Actor.human("alex@nusomi.com"))
                        .build())
                .execute();
        Session script = writer.sessions()
                .create(CreateSessionRequest.builder(wf)
                        .actor(Actor.script("nightly"))
                        .build())
                .execute();
        Session model = writer.sessions()
                .create(CreateSessionRequest.builder(wf)
                        .actor(Actor.model("m1"))
                        .build())
                .execute();
        create(wf);

        assertThat(ids(SessionQuery.builder()
                        .workflow(wf)
                        .actorKind(ActorKind.HUMAN)
                        .build()))
                .containsExactly(human.id());
        assertThat(ids(SessionQuery.builder()
                        .workflow(wf)
                        .actorKind(ActorKind.SCRIPT, ActorKind.MODEL)
                        .build()))
                .containsExactlyInAnyOrder(script.id(), model.id());
    }

    @Test
    void listFiltersBySinceAndUntil() {
        String wf = newWorkflow();
        Session s = create(wf);
        Instant at = s.createdAt();

        assertThat(ids(SessionQuery.builder().workflow(wf).since(at).build())).containsExactly(s.id());
        assertThat(ids(SessionQuery.builder()
                        .workflow(wf)
                        .since(at.plusSeconds(1))
                        .build()))
                .isEmpty();
        assertThat(ids(SessionQuery.builder().workflow(wf).until(at).build())).isEmpty();
        assertThat(ids(SessionQuery.builder()
                        .workflow(wf)
                        .until(at.plusSeconds(1))
                        .build()))
                .containsExactly(s.id());
        assertThat(ids(SessionQuery.builder()
                        .workflow(wf)
                        .since(Duration.ofDays(7))
                        .build()))
                .containsExactly(s.id());
        assertThat(ids(SessionQuery.builder().workflow(wf).sinceRelative("1h").build()))
                .containsExactly(s.id());
        assertThat(ids(SessionQuery.builder()
                        .workflow(wf)
                        .since(at.plusSeconds(1))
                        .until(at.minusSeconds(1))
                        .build()))
                .isEmpty();
    }

    @Test
    void listFiltersByTagsWithAnd() {
        String wf = newWorkflow();
        Session both = create(wf);
        Session one = create(wf);
        create(wf);
        writer.sessions().tag(both.id(), TagRequest.of("reviewed")).execute();
        writer.sessions().tag(both.id(), TagRequest.of("escalated")).execute();
        writer.sessions().tag(one.id(), TagRequest.of("reviewed")).execute();

        assertThat(ids(SessionQuery.builder().workflow(wf).tag("reviewed").build()))
                .containsExactlyInAnyOrder(both.id(), one.id());
        assertThat(ids(SessionQuery.builder()
                        .workflow(wf)
                        .tag("reviewed", "escalated")
                        .build()))
                .containsExactly(both.id());
    }

    @Test
    void listFiltersOutSessionsCarryingAnExcludedTag() {
        String wf = newWorkflow();
        Session both = create(wf);
        Session one = create(wf);
        Session none = create(wf);
        writer.sessions().tag(both.id(), TagRequest.of("reviewed")).execute();
        writer.sessions().tag(both.id(), TagRequest.of("escalated")).execute();
        writer.sessions().tag(one.id(), TagRequest.of("reviewed")).execute();

        assertThat(ids(SessionQuery.builder().workflow(wf).notTag("escalated").build()))
                .containsExactlyInAnyOrder(one.id(), none.id());
        assertThat(ids(SessionQuery.builder()
                        .workflow(wf)
                        .notTag("escalated", "reviewed")
                        .build()))
                .containsExactly(none.id());
        assertThat(ids(SessionQuery.builder()
                        .workflow(wf)
                        .tag("reviewed")
                        .notTag("escalated")
                        .build()))
                .containsExactly(one.id());
    }

    @Test
    void tagsNameTheKeyThatAddedThem() {
        Session s = create(newWorkflow());

        Tag tag = writer.sessions().tag(s.id(), TagRequest.of("authored")).execute();
        Tag read = reader.sessions().get(s.id(), Include.TAGS).execute().tags().get(0);

        assertThat(tag.addedBy()).isNotNull();
        assertThat(tag.addedBy().keyId()).startsWith("key_");
        assertThat(tag.addedBy().label()).isNull();
        assertThat(read.addedBy()).isEqualTo(tag.addedBy());
        assertThat(admin.sessions()
                        .tag(s.id(), TagRequest.of("by_admin"))
                        .execute()
                        .addedBy()
                        .label())
                .isEqualTo("admin (data folder)");
    }

    @Test
    void listCanIncludeTags() {
        String wf = newWorkflow();
        Session s = create(wf);
        writer.sessions().tag(s.id(), TagRequest.of("checked")).execute();

        Page<Session> page = writer.sessions()
                .list(SessionQuery.builder().workflow(wf).includeTags(true).build())
                .execute();

        assertThat(page.data())
                .singleElement()
                .satisfies(x -> assertThat(x.tags()).extracting(Tag::name).containsExactly("checked"));
    }

    @Test
    void autoPagerWalksOverAThousandSessions() {
        String wf = newWorkflow();
        List<CompletableFuture<Session>> futures = IntStream.range(0, 1000)
                .mapToObj(i ->
                        writer.sessions().create(CreateSessionRequest.of(wf)).executeAsync())
                .collect(Collectors.toList());
        Set<String> created =
                futures.stream().map(CompletableFuture::join).map(Session::id).collect(Collectors.toSet());
        assertThat(created).hasSize(1000);

        SessionQuery query = SessionQuery.builder().workflow(wf).limit(100).build();
        List<String> listed = ids(query);
        assertThat(listed).hasSize(1000).doesNotHaveDuplicates();
        assertThat(new HashSet<>(listed)).isEqualTo(created);

        List<Page<Session>> pages = new ArrayList<>();
        writer.sessions().listAll(query).pages().forEach(pages::add);
        assertThat(pages).hasSize(10);
        assertThat(pages.subList(0, 9)).allMatch(p -> p.hasMore() && p.nextCursor() != null && p.size() == 100);
        assertThat(pages.get(9).hasMore()).isFalse();
        assertThat(pages.get(9).nextCursor()).isNull();

        List<Session> all = writer
                .sessions()
                .listAll(query.toBuilder().limit(500).build())
                .stream()
                .collect(Collectors.toList());
        assertThat(all).extracting(Session::createdAt).isSortedAccordingTo((x, y) -> y.compareTo(x));
        assertThat(all).hasSize(1000);
    }

    // ---- delete, restore, batch stop ----

    @Test
    void softDeleteHidesTheSessionUntilRestored() {
        String wf = newWorkflow();
        Session s = create(wf);

        Session deleted = writer.sessions().delete(s.id()).execute();
        assertThat(deleted.deletedAt()).isNotNull();
        assertThat(deleted.purgeAt()).isEqualTo(deleted.deletedAt().plus(Duration.ofDays(30)));
        assertThat(writer.sessions().delete(s.id()).execute().deletedAt()).isEqualTo(deleted.deletedAt());

        assertThatThrownBy(() -> writer.sessions().get(s.id()).execute())
                .isInstanceOfSatisfying(GoneException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(410);
                    assertThat(e.code()).isEqualTo("session_deleted");
                    assertThat(e.deletedAt()).isEqualTo(deleted.deletedAt());
                    assertThat(e.purgeAt()).isEqualTo(deleted.purgeAt());
                });
        assertThat(ids(SessionQuery.builder().workflow(wf).build())).isEmpty();
        assertThat(admin
                        .sessions()
                        .listAll(SessionQuery.builder()
                                .workflow(wf)
                                .deletedOnly(true)
                                .build())
                        .stream())
                .singleElement()
                .satisfies(x -> assertThat(x.deletedAt()).isNotNull());

        Session restored = writer.sessions().restore(s.id()).execute();
        assertThat(restored.deletedAt()).isNull();
        assertThat(restored.purgeAt()).isNull();
        assertThat(writer.sessions().get(s.id()).execute().id()).isEqualTo(s.id());
        assertThat(ids(SessionQuery.builder().workflow(wf).build())).containsExactly(s.id());
        assertThat(writer.sessions().restore(s.id()).execute().deletedAt()).isNull();
    }

    @Test
    void trashViewNeedsAdmin() {
        assertThatThrownBy(() -> writer.sessions()
                        .list(SessionQuery.builder().deletedOnly(true).build())
                        .execute())
                .isInstanceOf(PermissionException.class);
    }

    @Test
    void deletingARecordingSessionStopsIt() {
        Session s = writer.sessions()
                .create(CreateSessionRequest.builder(newWorkflow()).start(true).build())
                .execute();

        Session deleted = writer.sessions().delete(s.id()).execute();

        assertThat(deleted.status()).isIn(SessionStatus.STOPPED, SessionStatus.SEALED);
        assertThat(deleted.stopReason()).isEqualTo(StopReason.DELETE);
        assertThat(deleted.outcome()).isEqualTo(Outcome.ABANDONED);
    }

    @Test
    void hardDeleteNeedsAdminAndPurgesAtOnce() {
        Session s = create(newWorkflow());

        assertThatThrownBy(() -> writer.sessions().deleteHard(s.id()).execute())
                .isInstanceOfSatisfying(PermissionException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(403);
                    assertThat(e.type()).isEqualTo("permission_error");
                    assertThat(e.code()).isEqualTo("insufficient_scope");
                });

        HardDeleteResult result = admin.sessions().deleteHard(s.id()).execute();
        assertThat(result).isEqualTo(new HardDeleteResult(s.id(), true, true));
        assertThatThrownBy(() -> writer.sessions().get(s.id()).execute()).isInstanceOf(NotFoundException.class);
    }

    @Test
    void batchStopReportsEachId() {
        String wf = newWorkflow();
        Session created = create(wf);
        Session recording = writer.sessions()
                .create(CreateSessionRequest.builder(wf).start(true).build())
                .execute();
        String missing = "ses_01HZZZZZZZZZZZZZZZZZZZZZZY";

        ApiResult<BatchStopResult> result = writer.sessions()
                .batchStop(List.of(created.id(), recording.id(), created.id(), missing))
                .executeForResult();

        assertThat(result.idempotencyKey()).isNotBlank();
        BatchStopResult r = result.value();
        assertThat(r.allSucceeded()).isFalse();
        assertThat(r.data()).extracting(Session::id).containsExactlyInAnyOrder(created.id(), recording.id());
        assertThat(r.data()).allSatisfy(x -> {
            assertThat(x.status()).isIn(SessionStatus.STOPPED, SessionStatus.SEALED);
            assertThat(x.stopReason()).isEqualTo(StopReason.BATCH_STOP);
            assertThat(x.outcome()).isEqualTo(Outcome.ABANDONED);
        });
        assertThat(r.errors()).singleElement().satisfies(f -> {
            assertThat(f.id()).isEqualTo(missing);
            assertThat(f.code()).isEqualTo("session_not_found");
            assertThat(f.error().message()).isNotBlank();
        });
    }

    // ---- audit log ----

    @Test
    void auditLogRecordsTheHistoryNewestFirst() {
        Session s = writer.sessions()
                .create(CreateSessionRequest.builder(newWorkflow()).start(true).build())
                .execute();
        writer.sessions().tag(s.id(), TagRequest.of("checked")).execute();
        writer.sessions().stop(s.id()).execute();
        writer.sessions().delete(s.id()).execute();
        writer.sessions().restore(s.id()).execute();

        List<AuditLogEntry> entries = admin
                .auditLogs()
                .listAll(AuditLogQuery.forSession(s.id()).withLimit(2))
                .stream()
                .collect(Collectors.toList());

        assertThat(entries)
                .extracting(AuditLogEntry::action)
                .containsSubsequence(
                        "session.restored", "session.deleted", "session.stopped", "session.tagged", "session.created");
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.id()).startsWith("aud_");
            assertThat(e.sessionId()).isEqualTo(s.id());
            assertThat(e.at()).isNotNull();
        });
        assertThat(entries).extracting(AuditLogEntry::at).isSortedAccordingTo((x, y) -> y.compareTo(x));

        Page<AuditLogEntry> deletions = admin.auditLogs()
                .list(AuditLogQuery.forSession(s.id()).withAction("session.deleted"))
                .execute();
        assertThat(deletions.data()).extracting(AuditLogEntry::action).containsExactly("session.deleted");
        assertThat(deletions.hasMore()).isFalse();
    }

    @Test
    void auditLogOutlivesAHardDelete() {
        Session s = create(newWorkflow());
        admin.sessions().deleteHard(s.id()).execute();

        assertThat(admin.auditLogs().listAll(AuditLogQuery.forSession(s.id())).stream())
                .extracting(AuditLogEntry::action)
                .contains("session.created", "session.hard_deleted");
    }

    @Test
    void auditLogNeedsAdmin() {
        assertThatThrownBy(() -> writer.auditLogs().list(AuditLogQuery.all()).execute())
                .isInstanceOfSatisfying(
                        PermissionException.class, e -> assertThat(e.code()).isEqualTo("insufficient_scope"));
    }

    // ---- auth ----

    @Test
    void missingKeyIsAnAuthenticationError() {
        try (SessionsClient anonymous =
                SessionsClient.builder().baseUrl(server.baseUrl()).build()) {
            assertThatThrownBy(
                            () -> anonymous.sessions().list(SessionQuery.all()).execute())
                    .isInstanceOfSatisfying(AuthenticationException.class, e -> {
                        assertThat(e.httpStatus()).isEqualTo(401);
                        assertThat(e.type()).isEqualTo("authentication_error");
                        assertThat(e.code()).isEqualTo("api_key_missing");
                    });
        }
    }

    @Test
    void unknownKeyIsAnAuthenticationErrorAndStaysMasked() {
        String bogus = "nsk_test_thisKeyDoesNotExist0000WXYZ";
        try (SessionsClient stranger = client(bogus)) {
            assertThatThrownBy(() -> stranger.sessions()
                            .get("ses_01HZZZZZZZZZZZZZZZZZZZZZZZ")
                            .execute())
                    .isInstanceOfSatisfying(AuthenticationException.class, e -> {
                        assertThat(e.code()).isEqualTo("api_key_invalid");
                        assertThat(e.getMessage()).doesNotContain(bogus);
                    });
            assertThat(stranger.toString()).doesNotContain(bogus).contains("nsk_test_…WXYZ");
        }
    }

    @Test
    void readOnlyKeyCannotWrite() {
        assertThatThrownBy(() -> reader.sessions()
                        .create(CreateSessionRequest.of(newWorkflow()))
                        .execute())
                .isInstanceOfSatisfying(
                        PermissionException.class, e -> assertThat(e.code()).isEqualTo("insufficient_scope"));
        assertThat(reader.sessions()
                        .list(SessionQuery.builder().limit(1).build())
                        .execute()
                        .data())
                .hasSizeLessThanOrEqualTo(1);
    }

    // ---- async ----

    @Test
    void asyncCallsCompleteAgainstTheServer() {
        String wf = newWorkflow();
        Session s = writer.sessions()
                .create(CreateSessionRequest.of(wf))
                .executeAsync()
                .thenCompose(x -> writer.sessions().start(x.id()).executeAsync())
                .thenCompose(x -> writer.sessions().stop(x.id()).executeAsync())
                .join();

        assertThat(s.status()).isEqualTo(SessionStatus.STOPPED);
        assertThat(writer.sessions()
                        .list(SessionQuery.builder().workflow(wf).build())
                        .executeAsync()
                        .join()
                        .data())
                .extracting(Session::id)
                .containsExactly(s.id());
        assertThatThrownBy(() -> writer.sessions()
                        .get("ses_01HZZZZZZZZZZZZZZZZZZZZZZX")
                        .executeAsync()
                        .join())
                .hasCauseInstanceOf(NotFoundException.class);
    }
}
