package com.nusomi.recorder.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.nusomi.recorder.client.exception.ApiConnectionException;
import com.nusomi.recorder.client.exception.ApiException;
import com.nusomi.recorder.client.exception.ConflictException;
import com.nusomi.recorder.client.exception.InvalidRequestException;
import com.nusomi.recorder.client.exception.MalformedResponseException;
import com.nusomi.recorder.client.exception.NotFoundException;
import com.nusomi.recorder.client.exception.NotSupportedException;
import com.nusomi.recorder.client.exception.RateLimitException;
import com.nusomi.recorder.client.exception.ServerException;
import com.nusomi.recorder.client.model.Session;
import com.nusomi.recorder.client.model.SessionStatus;
import com.nusomi.recorder.client.request.CreateSessionRequest;
import com.nusomi.recorder.client.request.EventQuery;
import com.nusomi.recorder.client.request.PageRequest;
import com.nusomi.recorder.client.request.SessionQuery;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.Call;
import okhttp3.EventListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Faults the real server cannot produce on demand, injected with MockWebServer: 429/503 then success,
 * resets, slow bodies, malformed bodies, retry exhaustion, unsupported extensions, cancellation.
 */
class ClientFaultsTest {
    private static final String KEY = "nsk_test_0123456789abcdefghijWXYZ";
    private static final String SESSION_JSON = """
            {"id":"ses_01HZX3ABCDEFGHJKMNPQRSTVWX","workflow":"process_invoice","status":"created",
             "outcome":null,"metadata":{},"actor":null,"started_at":null,"stopped_at":null,
             "duration_ms":0,"frame_count":0,"event_count":0,"created_at":"2026-05-07T14:01:33Z"}""";
    private static final RetryPolicy FAST = RetryPolicy.defaults()
            .withBackoff(Duration.ofMillis(1), Duration.ofMillis(5))
            .withMaxRetryAfter(Duration.ofMillis(20))
            .withMaxAttempts(3);

    private MockWebServer server;
    private SessionsClient client;
    private final CountDownLatch canceled = new CountDownLatch(1);

    @BeforeEach
    void setUp() throws Exception {
        server = new MockWebServer();
        server.start();
        client = clientWith(FAST, Duration.ofSeconds(10));
    }

    private SessionsClient clientWith(RetryPolicy policy, Duration callTimeout) {
        return SessionsClient.builder()
                .baseUrl(server.url("/").toString())
                .apiKey(KEY)
                .retryPolicy(policy)
                .callTimeout(callTimeout)
                .version("9.9.9")
                .eventListenerFactory(call -> new EventListener() {
                    @Override
                    public void canceled(Call c) {
                        canceled.countDown();
                    }
                })
                .build();
    }

    @AfterEach
    void tearDown() {
        client.close();
        server.close();
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder()
                .code(code)
                .setHeader("Content-Type", "application/json")
                .setHeader("Request-Id", "req_01HZTEST000000000000000000")
                .body(body)
                .build();
    }

    private static String error(String type, String code, String message) {
        return "{\"error\":{\"type\":\"" + type + "\",\"code\":\"" + code + "\",\"message\":\"" + message
                + "\",\"param\":null,\"request_id\":\"req_01HZERR0000000000000000000\"}}";
    }

    @Test
    void rateLimitedCallIsRetriedAfterRetryAfterAndSucceeds() throws Exception {
        server.enqueue(new MockResponse.Builder()
                .code(429)
                .setHeader("Retry-After", "1")
                .setHeader("Content-Type", "application/json")
                .body(error("rate_limit_error", "rate_limited", "slow down"))
                .build());
        server.enqueue(json(201, SESSION_JSON));

        ApiResult<Session> result = client.sessions()
                .create(CreateSessionRequest.of("process_invoice"))
                .executeForResult();

        assertThat(result.value().status()).isEqualTo(SessionStatus.CREATED);
        assertThat(result.attempts()).isEqualTo(2);
        RecordedRequest first = server.takeRequest();
        RecordedRequest second = server.takeRequest();
        assertThat(first.getHeaders().get("Idempotency-Key"))
                .isNotBlank()
                .isEqualTo(second.getHeaders().get("Idempotency-Key"))
                .isEqualTo(result.idempotencyKey());
    }

    @Test
    void serviceUnavailableIsRetriedWithTheSameIdempotencyKey() throws Exception {
        server.enqueue(json(503, error("api_error", "internal_error", "overloaded")));
        server.enqueue(json(201, SESSION_JSON));

        ApiResult<Session> result = client.sessions()
                .create(CreateSessionRequest.of("process_invoice"))
                .executeForResult();

        assertThat(result.isSuccess()).isTrue();
        assertThat(result.attempts()).isEqualTo(2);
        assertThat(result.requestId()).isEqualTo("req_01HZTEST000000000000000000");
        RecordedRequest first = server.takeRequest();
        RecordedRequest second = server.takeRequest();
        assertThat(second.getHeaders().get("Idempotency-Key"))
                .isEqualTo(first.getHeaders().get("Idempotency-Key"));
        assertThat(first.getBody().utf8())
                .isEqualTo(second.getBody().utf8())
                .contains("\"workflow\":\"process_invoice\"");
        assertThat(first.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
        assertThat(first.getHeaders().get("User-Agent")).isEqualTo("session-recorder/9.9.9");
    }

    @Test
    void callersIdempotencyKeyIsSentOnEveryAttemptAndCarriedByTheException() throws Exception {
        for (int i = 0; i < 3; i++) {
            server.enqueue(json(500, error("api_error", "internal_error", "boom")));
        }

        assertThatThrownBy(() -> client.sessions()
                        .start("ses_1")
                        .withOptions(RequestOptions.idempotencyKey("my-key-1"))
                        .execute())
                .isInstanceOfSatisfying(ServerException.class, e -> {
                    assertThat(e.idempotencyKey()).isEqualTo("my-key-1");
                    assertThat(e.attempts()).isEqualTo(3);
                    assertThat(e.getMessage()).contains("my-key-1", "req_01HZERR0000000000000000000", "3 attempts");
                });
        for (int i = 0; i < 3; i++) {
            assertThat(server.takeRequest().getHeaders().get("Idempotency-Key")).isEqualTo("my-key-1");
        }
    }

    @Test
    void connectionDroppedBeforeTheResponseIsRetried() throws Exception {
        server.enqueue(new MockResponse.Builder()
                .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE)
                .build());
        server.enqueue(json(200, SESSION_JSON));

        ApiResult<Session> result =
                client.sessions().stop("ses_01HZX3ABCDEFGHJKMNPQRSTVWX").executeForResult();

        assertThat(result.isSuccess()).isTrue();
        assertThat(result.attempts()).isEqualTo(2);
        assertThat(server.takeRequest().getHeaders().get("Idempotency-Key"))
                .isEqualTo(server.takeRequest().getHeaders().get("Idempotency-Key"));
    }

    @Test
    void connectionFailuresExhaustRetriesIntoApiConnectionException() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(new MockResponse.Builder()
                    .onRequestStart(new SocketEffect.CloseSocket(true, false, false))
                    .build());
        }

        assertThatThrownBy(() -> client.sessions().get("ses_x").execute())
                .isInstanceOfSatisfying(ApiConnectionException.class, e -> {
                    assertThat(e.attempts()).isEqualTo(3);
                    assertThat(e.httpStatus()).isZero();
                    assertThat(e.idempotencyKey()).isNull();
                });
    }

    @Test
    void slowBodyHitsTheCallTimeout() {
        client.close();
        client = clientWith(FAST.withMaxAttempts(1), Duration.ofMillis(300));
        server.enqueue(new MockResponse.Builder()
                .code(200)
                .setHeader("Content-Type", "application/json")
                .body(SESSION_JSON)
                .throttleBody(8, 1, TimeUnit.SECONDS)
                .build());

        assertThatThrownBy(() -> client.sessions().get("ses_x").execute())
                .isInstanceOfSatisfying(ApiConnectionException.class, e -> {
                    assertThat(e.isTimeout()).isTrue();
                    assertThat(e.attempts()).isEqualTo(1);
                });
    }

    @Test
    void perCallTimeoutOverridesTheClientTimeout() {
        server.enqueue(new MockResponse.Builder()
                .code(200)
                .setHeader("Content-Type", "application/json")
                .body(SESSION_JSON)
                .throttleBody(8, 1, TimeUnit.SECONDS)
                .build());

        assertThatThrownBy(() -> client.sessions()
                        .get("ses_x")
                        .withOptions(
                                RequestOptions.timeout(Duration.ofMillis(300)).withMaxAttempts(1))
                        .execute())
                .isInstanceOfSatisfying(
                        ApiConnectionException.class,
                        e -> assertThat(e.isTimeout()).isTrue());
    }

    @Test
    void truncatedJsonBecomesMalformedResponseException() {
        server.enqueue(json(200, SESSION_JSON.substring(0, 60)));

        assertThatThrownBy(() -> client.sessions().get("ses_x").execute())
                .isInstanceOfSatisfying(MalformedResponseException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(200);
                    assertThat(e.requestId()).isEqualTo("req_01HZTEST000000000000000000");
                    assertThat(e.getMessage()).contains("req_01HZTEST000000000000000000");
                })
                .isInstanceOf(ApiException.class);
    }

    @Test
    void htmlBodyOnSuccessBecomesMalformedResponseException() {
        server.enqueue(new MockResponse.Builder()
                .code(200)
                .setHeader("Content-Type", "text/html")
                .body("<html><body>Welcome to nginx</body></html>")
                .build());

        assertThatThrownBy(() -> client.sessions().list(SessionQuery.all()).execute())
                .isInstanceOf(MalformedResponseException.class);
    }

    @Test
    void htmlErrorPageBecomesServerExceptionWithItsStatusAndRequestId() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(new MockResponse.Builder()
                    .code(502)
                    .setHeader("Content-Type", "text/html")
                    .setHeader("Request-Id", "req_01HZPROXY00000000000000000")
                    .body("<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>")
                    .build());
        }

        assertThatThrownBy(() -> client.sessions().get("ses_x").execute())
                .isInstanceOfSatisfying(ServerException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(502);
                    assertThat(e.code()).isNull();
                    assertThat(e.attempts()).isEqualTo(3);
                    assertThat(e.requestId()).isEqualTo("req_01HZPROXY00000000000000000");
                    assertThat(e.getMessage())
                            .contains("502 Bad Gateway", "text/html", "req_01HZPROXY00000000000000000");
                });
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void badRequestIsNotRetried() {
        server.enqueue(json(400, error("invalid_request_error", "workflow_invalid", "workflow must match")));
        server.enqueue(json(201, SESSION_JSON));

        assertThatThrownBy(() -> client.sessions()
                        .create(CreateSessionRequest.of("Bad Name"))
                        .execute())
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.attempts()).isEqualTo(1);
                    assertThat(e.code()).isEqualTo("workflow_invalid");
                });
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void notFoundIsNotRetried() {
        server.enqueue(json(404, error("not_found_error", "session_not_found", "no such session")));
        server.enqueue(json(200, SESSION_JSON));

        assertThatThrownBy(() -> client.sessions().get("ses_missing").execute())
                .isInstanceOfSatisfying(
                        NotFoundException.class, e -> assertThat(e.attempts()).isEqualTo(1));
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void idempotencyKeyInUseIsRetriedButOtherConflictsAreNot() {
        server.enqueue(json(409, error("conflict_error", "idempotency_key_in_use", "in flight")));
        server.enqueue(json(200, SESSION_JSON));
        server.enqueue(json(409, error("conflict_error", "session_not_startable", "stopped")));

        assertThat(client.sessions().start("ses_1").executeForResult())
                .returns(true, ApiResult::isSuccess)
                .returns(2, ApiResult::attempts);
        assertThatThrownBy(() -> client.sessions().start("ses_1").execute())
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.code()).isEqualTo("session_not_startable");
                    assertThat(e.attempts()).isEqualTo(1);
                });
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void retryAfterBeyondTheTotalBudgetStopsRetrying() {
        client.close();
        client = clientWith(
                FAST.withMaxRetryAfter(Duration.ofMinutes(5)).withTotalBudget(Duration.ofSeconds(2)),
                Duration.ofSeconds(10));
        server.enqueue(new MockResponse.Builder()
                .code(429)
                .setHeader("Retry-After", "120")
                .setHeader("Content-Type", "application/json")
                .body(error("rate_limit_error", "rate_limited", "slow down"))
                .build());

        assertThatThrownBy(() -> client.sessions().get("ses_x").execute())
                .isInstanceOfSatisfying(RateLimitException.class, e -> {
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofMinutes(2));
                    assertThat(e.attempts()).isEqualTo(1);
                });
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void extensionRouteNotFoundMeansNotSupported() {
        server.enqueue(json(404, error("not_found_error", "route_not_found", "no route")));
        server.enqueue(new MockResponse.Builder()
                .code(404)
                .setHeader("Content-Type", "text/html")
                .body("<h1>Not Found</h1>")
                .build());
        server.enqueue(new MockResponse.Builder().code(404).body("").build());

        assertThatThrownBy(() -> client.events().list("ses_1", EventQuery.all()).execute())
                .isInstanceOfSatisfying(NotSupportedException.class, e -> {
                    assertThat(e.getMessage()).contains("Not supported by this server", "route_not_found");
                    assertThat(e.httpStatus()).isEqualTo(404);
                });
        assertThatThrownBy(
                        () -> client.frames().list("ses_1", PageRequest.first()).execute())
                .isInstanceOf(NotSupportedException.class);
        assertThatThrownBy(() -> client.health().execute()).isInstanceOf(NotSupportedException.class);
    }

    @Test
    void extensionSessionNotFoundIsStillNotFound() {
        server.enqueue(json(404, error("not_found_error", "session_not_found", "no such session")));

        assertThatThrownBy(() -> client.sessions().restore("ses_1").execute())
                .isExactlyInstanceOf(NotFoundException.class);
    }

    @Test
    void coreRouteNotFoundIsNotFound() {
        server.enqueue(json(404, error("not_found_error", "route_not_found", "no route")));

        assertThatThrownBy(() -> client.sessions().get("ses_1").execute()).isExactlyInstanceOf(NotFoundException.class);
    }

    @Test
    void apiKeyIsMaskedInToStringAndExceptionMessages() {
        server.enqueue(json(401, error("authentication_error", "api_key_invalid", "key " + KEY + " is invalid")));

        assertThat(client.toString()).doesNotContain(KEY).contains("nsk_test_…WXYZ");
        assertThatThrownBy(() -> client.sessions().get("ses_1").execute()).satisfies(e -> {
            assertThat(e.getMessage()).doesNotContain(KEY).contains("nsk_test_…WXYZ");
            assertThat(e.toString()).doesNotContain(KEY);
        });
    }

    @Test
    void cancellingAnAsyncCallCancelsTheHttpCall() throws Exception {
        server.enqueue(new MockResponse.Builder()
                .onResponseStart(SocketEffect.Stall.INSTANCE)
                .build());

        CompletableFuture<Session> future = client.sessions().get("ses_1").executeAsync();
        server.takeRequest(); // the request reached the server and is now stalled
        await().until(() -> client.runningCallCount() == 1);

        assertThat(future.cancel(true)).isTrue();

        assertThat(canceled.await(10, TimeUnit.SECONDS))
                .as("OkHttp call canceled")
                .isTrue();
        await().until(() -> client.runningCallCount() == 0);
        assertThatThrownBy(future::join).isInstanceOf(CancellationException.class);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void asyncCallCompletesWithTheValueOrTheApiException() {
        server.enqueue(json(200, SESSION_JSON));
        server.enqueue(json(404, error("not_found_error", "session_not_found", "no such session")));

        assertThat(client.sessions().get("ses_1").executeAsync().join().id())
                .isEqualTo("ses_01HZX3ABCDEFGHJKMNPQRSTVWX");
        assertThatThrownBy(() -> client.sessions().get("ses_2").executeAsync().join())
                .hasCauseInstanceOf(NotFoundException.class);
    }

    @Test
    void closedClientRefusesAsyncCalls() {
        client.close();

        assertThatThrownBy(() -> client.sessions().get("ses_1").executeAsync().join())
                .hasCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void closingFailsCallsInFlightAndQueuedInsteadOfLeavingThemHanging() throws Exception {
        server.enqueue(new MockResponse.Builder()
                .onResponseStart(SocketEffect.Stall.INSTANCE)
                .build());
        SessionsClient single = SessionsClient.builder()
                .baseUrl(server.url("/").toString())
                .apiKey(KEY)
                .retryPolicy(FAST)
                .asyncThreads(1)
                .build();
        CompletableFuture<Session> inFlight = single.sessions().get("ses_1").executeAsync();
        CompletableFuture<Session> queued = single.sessions().get("ses_2").executeAsync();
        server.takeRequest();

        single.close();

        await().until(() -> inFlight.isDone() && queued.isDone());
        assertThat(inFlight).isCompletedExceptionally();
        assertThatThrownBy(queued::join).hasCauseInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> single.sessions().get("ses_3").execute()).isInstanceOf(IllegalStateException.class);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }
}
