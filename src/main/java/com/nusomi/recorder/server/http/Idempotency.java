package com.nusomi.recorder.server.http;

import com.nusomi.recorder.server.store.IdempotencyRecord;
import com.nusomi.recorder.server.store.Store;
import com.nusomi.recorder.server.store.StoreWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Idempotent POSTs. Per API key, the first response to a key is stored in the same transaction as the work it
 * reports, so a crash can never leave the work done without its replayable response (or the reverse). A second
 * request with the key while the first is still in flight (its body still arriving, or its work running) is a 409
 * {@code idempotency_key_in_use}; after it, the same request gets the stored response byte for byte, another
 * request 409 {@code idempotency_key_reused}. Server errors (5xx) are not stored, so a retry can succeed.
 */
final class Idempotency {
    static final long RETENTION_MILLIS = 24L * 60 * 60 * 1000;
    /** Marks fingerprints made from the body's hash; older ones hash the whole body. */
    private static final String FINGERPRINT_V2 = "2:";

    private final Store store;
    private final Clock clock;
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

    Idempotency(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Checks a key's form: 1–255 printable ASCII characters. Null stays null. */
    static String validateKey(String key, String param) {
        if (key == null) {
            return null;
        }
        if (key.isEmpty() || key.length() > 255 || !key.chars().allMatch(ch -> ch >= 0x20 && ch <= 0x7e)) {
            throw ApiException.invalid(
                    "idempotency_key_invalid", "an idempotency key is 1 to 255 printable ASCII characters", param);
        }
        return key;
    }

    /** The effective key of a create: the header's or the body's; both given and different is a 400. */
    static String resolve(String headerKey, String bodyKey) {
        String body = validateKey(bodyKey, "idempotency_key");
        if (headerKey != null && body != null && !headerKey.equals(body)) {
            throw ApiException.invalid(
                    "idempotency_key_invalid",
                    "the Idempotency-Key header and the idempotency_key field differ",
                    "idempotency_key");
        }
        return headerKey != null ? headerKey : body;
    }

    /** Marks the key in flight for this API key (409 if it already is); the caller releases it when done. */
    String reserve(String apiKeyId, String key) {
        String slot = apiKeyId + "\u0000" + key;
        if (!inFlight.add(slot)) {
            throw ApiException.conflict(
                    "idempotency_key_in_use",
                    "a request with this idempotency key is still in progress; retry after it completes");
        }
        return slot;
    }

    void release(String slot) {
        inFlight.remove(slot);
    }

    /**
     * Replays the stored response or runs the work and stores its response; the caller holds the key's slot. A
     * {@link Route.StagedWriteHandler}'s stage runs before the writer's transaction, outside its lock.
     */
    ApiResponse execute(ApiRequest request, String key, Route.WriteHandler handler) {
        String fingerprint = fingerprint(request);
        if (handler instanceof Route.StagedWriteHandler<?> staged) {
            return executeStaged(request, key, fingerprint, staged);
        }
        return store.write(tx -> replayOrRun(request, key, fingerprint, handler, tx));
    }

    private <S> ApiResponse executeStaged(
            ApiRequest request, String key, String fingerprint, Route.StagedWriteHandler<S> handler) {
        S staged = handler.stage(request);
        try {
            return store.write(
                    tx -> replayOrRun(request, key, fingerprint, (r, t) -> handler.handle(r, t, staged), tx));
        } finally {
            handler.unstage(staged);
        }
    }

    private ApiResponse replayOrRun(
            ApiRequest request, String key, String fingerprint, Route.WriteHandler handler, StoreWriter tx) {
        var existing = tx.findIdempotency(request.apiKeyId(), key);
        if (existing.isPresent() && existing.get().createdAt() > clock.millis() - RETENTION_MILLIS) {
            IdempotencyRecord r = existing.get();
            if (!sameRequest(r.fingerprint(), fingerprint, request)) {
                throw ApiException.conflict(
                        "idempotency_key_reused", "this idempotency key was already used for a different request");
            }
            return new ApiResponse(r.status(), r.contentType(), r.body(), Map.of())
                    .withHeader("Idempotent-Replayed", "true");
        }
        ApiResponse response;
        tx.savepoint();
        try {
            response = handler.handle(request, tx);
            tx.releaseSavepoint();
        } catch (ApiException e) {
            tx.rollbackToSavepoint();
            response = ErrorBody.response(e, request.requestId());
        }
        if (response.status() < 500) {
            tx.saveIdempotency(new IdempotencyRecord(
                    request.apiKeyId(),
                    key,
                    fingerprint,
                    response.status(),
                    response.contentType(),
                    response.body(),
                    clock.millis()));
        }
        return response;
    }

    /**
     * The request's fingerprint: method, path, canonical query and the body's SHA-256 (the one the frame store
     * names the image by, so a body is hashed once), hashed together; marked {@value #FINGERPRINT_V2}.
     */
    private static String fingerprint(ApiRequest request) {
        MessageDigest d = head(request);
        d.update(request.bodySha256().getBytes(StandardCharsets.US_ASCII));
        return FINGERPRINT_V2 + HexFormat.of().formatHex(d.digest());
    }

    /** Same request? Records stored before the v2 fingerprint (at most 24 hours old) hold the hash of the whole body. */
    private static boolean sameRequest(String stored, String fingerprint, ApiRequest request) {
        if (stored.startsWith(FINGERPRINT_V2)) {
            return stored.equals(fingerprint);
        }
        MessageDigest d = head(request);
        d.update(request.body());
        return stored.equals(HexFormat.of().formatHex(d.digest()));
    }

    private static MessageDigest head(ApiRequest request) {
        MessageDigest d = Hashes.sha256();
        d.update(request.method().getBytes(StandardCharsets.UTF_8));
        d.update((byte) 0);
        d.update(request.path().getBytes(StandardCharsets.UTF_8));
        d.update((byte) 0);
        d.update(request.query().canonical(Set.of("seq", "captured_at")).getBytes(StandardCharsets.UTF_8));
        d.update((byte) 0);
        return d;
    }
}
