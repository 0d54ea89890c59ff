package com.nusomi.recorder.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nusomi.recorder.client.exception.ApiException;
import com.nusomi.recorder.client.exception.InvalidRequestException;
import com.nusomi.recorder.client.exception.NotFoundException;
import com.nusomi.recorder.client.exception.PermissionException;
import com.nusomi.recorder.client.model.Session;
import com.nusomi.recorder.client.request.CreateSessionRequest;
import com.nusomi.recorder.client.request.SessionQuery;
import com.nusomi.recorder.server.ApiServer;
import com.nusomi.recorder.server.ServerConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The call object itself, against the real local server: nothing is sent before it runs, per-call options reach
 * the wire and leave the call they came from unchanged, the result forms carry a failure as a value, and the async
 * form fails with the very exception type the sync form throws. Cancellation and the per-call timeout, which need
 * a stalled server, are in {@link ClientFaultsTest}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiCallTest {
    private static final AtomicInteger WORKFLOWS = new AtomicInteger();
    private static final String MISSING = "ses_01HZZZZZZZZZZZZZZZZZZZZZZZ";

    private ApiServer server;
    private SessionsClient writer;
    private SessionsClient reader;

    @BeforeAll
    void startServer(@TempDir Path dataDir) {
        server = ApiServer.start(ServerConfig.builder().dataDir(dataDir).port(0).build());
        writer = SessionsClient.builder()
                .baseUrl(server.baseUrl())
                .apiKey(server.createKey(Set.of("read", "write")))
                .build();
        reader = SessionsClient.builder()
                .baseUrl(server.baseUrl())
                .apiKey(server.createKey(Set.of("read")))
                .build();
    }

    @AfterAll
    void stopServer() {
        for (AutoCloseable c : new AutoCloseable[] {writer, reader, server}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception ignored) {
                // closing the rest matters more
            }
        }
    }

    private static String newWorkflow() {
        return "call_" + WORKFLOWS.incrementAndGet() + "_" + Long.toString(System.nanoTime(), 36);
    }

    private List<Session> sessionsOf(String workflow) {
        return writer.sessions()
                .list(SessionQuery.builder().workflow(workflow).build())
                .execute()
                .data();
    }

    @Test
    void nothingIsSentBeforeTheCallRuns() {
        String wf = newWorkflow();
        ApiCall<Session> create = writer.sessions().create(CreateSessionRequest.of(wf));

        assertThat(sessionsOf(wf)).isEmpty();
        Session created = create.execute();
        assertThat(sessionsOf(wf)).extracting(Session::id).containsExactly(created.id());
    }

    @Test
    void perCallIdempotencyKeyReachesTheServer() {
        String wf = newWorkflow();
        String key = "per-call-" + wf;
        ApiCall<Session> once =
                writer.sessions().create(CreateSessionRequest.of(wf)).withOptions(RequestOptions.idempotencyKey(key));

        ApiResult<Session> first = once.executeForResult();
        ApiResult<Session> again = once.executeAsyncForResult().join();

        assertThat(first.idempotencyKey()).isEqualTo(key);
        assertThat(first.replayed()).isFalse();
        assertThat(again.idempotencyKey()).isEqualTo(key);
        assertThat(again.replayed())
                .as("the server saw the same Idempotency-Key")
                .isTrue();
        assertThat(again.value().id()).isEqualTo(first.value().id());
        assertThat(sessionsOf(wf)).hasSize(1);
    }

    @Test
    void withOptionsLeavesTheOriginalCallUnchanged() {
        String wf = newWorkflow();
        ApiCall<Session> plain = writer.sessions().create(CreateSessionRequest.of(wf));
        ApiCall<Session> keyed = plain.withOptions(RequestOptions.idempotencyKey("kept-" + wf));

        assertThat(plain.options()).isEqualTo(RequestOptions.NONE);
        assertThat(keyed.options().idempotencyKey()).isEqualTo("kept-" + wf);
        ApiResult<Session> a = plain.executeForResult();
        ApiResult<Session> b = plain.executeForResult();
        assertThat(a.idempotencyKey())
                .as("a fresh key per execution")
                .isNotEqualTo(b.idempotencyKey())
                .isNotEqualTo("kept-" + wf);
        assertThat(sessionsOf(wf)).hasSize(2);
    }

    @Test
    void executeForResultGivesTheFailureWithItsRequestIdInsteadOfThrowing() {
        ApiResult<Session> result = writer.sessions().get(MISSING).executeForResult();

        assertThat(result.isSuccess()).isFalse();
        assertThat(result.failure()).isInstanceOf(NotFoundException.class);
        assertThat(result.httpStatus()).isEqualTo(404);
        assertThat(result.requestId())
                .startsWith("req_")
                .isEqualTo(result.failure().requestId());
        assertThat(result.failure().getMessage()).contains(result.requestId());
        assertThat(result.attempts()).isEqualTo(1);
        assertThatThrownBy(result::value).isSameAs(result.failure());
    }

    @Test
    void executeAsyncForResultCompletesNormallyWithTheFailure() {
        ApiResult<Session> result = reader.sessions()
                .create(CreateSessionRequest.of(newWorkflow()))
                .executeAsyncForResult()
                .join();

        assertThat(result.isSuccess()).isFalse();
        assertThat(result.failure()).isInstanceOf(PermissionException.class);
        assertThat(result.httpStatus()).isEqualTo(403);
        assertThat(result.requestId()).startsWith("req_");
        assertThat(result.idempotencyKey())
                .as("a POST's key, kept with the failure")
                .isNotBlank();
    }

    @Test
    void executeAsyncFailsWithTheExceptionTypeExecuteThrows() {
        List<ApiCall<?>> failing = List.of(
                writer.sessions().get(MISSING),
                writer.sessions()
                        .list(SessionQuery.builder().cursor("not-a-cursor!").build()),
                reader.sessions().create(CreateSessionRequest.of(newWorkflow())));
        List<Class<?>> expected =
                List.of(NotFoundException.class, InvalidRequestException.class, PermissionException.class);

        for (int i = 0; i < failing.size(); i++) {
            ApiCall<?> call = failing.get(i);
            assertThatThrownBy(call::execute).isExactlyInstanceOf(expected.get(i));
            assertThatThrownBy(() -> call.executeAsync().join())
                    .isInstanceOf(CompletionException.class)
                    .cause()
                    .isExactlyInstanceOf(expected.get(i))
                    .isInstanceOf(ApiException.class);
        }
    }

    @Test
    void describesItsMethodAndTarget() {
        assertThat(writer.sessions().stop("ses_1")).hasToString("ApiCall{POST /v1/sessions/ses_1/stop}");
    }
}
