package com.nusomi.recorder.server;

import com.nusomi.recorder.server.http.Hashes;
import com.nusomi.recorder.server.store.ApiKeyRecord;
import com.nusomi.recorder.server.store.Ids;
import com.nusomi.recorder.server.store.Store;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * API keys: {@code nsk_test_} and 40 random base62 characters. Only the SHA-256 of a key is stored (keys are long
 * random secrets, so a fast hash is the right one), with a hint of its last four characters for display.
 */
public final class ApiKeys {
    public static final Set<String> SCOPES = Set.of("read", "write", "admin");
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Store store;

    public ApiKeys(Store store) {
        this.store = store;
    }

    /** A key just made: the secret is in {@code key} and nowhere else. */
    public record Created(ApiKeyRecord record, String key) {}

    public Created create(Set<String> scopes, String label, long now) {
        Set<String> ordered = new LinkedHashSet<>();
        for (String s : List.of("read", "write", "admin")) {
            if (scopes.contains(s)) {
                ordered.add(s);
            }
        }
        if (ordered.isEmpty() || !SCOPES.containsAll(scopes)) {
            throw new IllegalArgumentException("scopes must be a non-empty subset of read, write, admin");
        }
        StringBuilder key = new StringBuilder("nsk_test_");
        for (int i = 0; i < 40; i++) {
            key.append(BASE62.charAt(RANDOM.nextInt(BASE62.length())));
        }
        String secret = key.toString();
        ApiKeyRecord record = new ApiKeyRecord(
                Ids.apiKey(), hash(secret), "…" + secret.substring(secret.length() - 4), ordered, label, now, null);
        store.write(tx -> {
            tx.insertKey(record);
            return null;
        });
        return new Created(record, secret);
    }

    /**
     * The live key record for a presented key, or null. Answers are cached for a second: every request
     * authenticates, and a revocation made by another process (the {@code keys} command) takes effect within that.
     */
    public ApiKeyRecord lookup(String presented) {
        if (presented == null || presented.length() > 200) {
            return null;
        }
        String hash = hash(presented);
        long now = System.nanoTime();
        Cached cached = cache.get(hash);
        if (cached != null && now - cached.at() < CACHE_NANOS) {
            return cached.record();
        }
        ApiKeyRecord record = store.readOne(tx -> tx.findKeyByHash(hash))
                .filter(k -> !k.isRevoked())
                .orElse(null);
        if (cache.size() > 10_000) {
            cache.clear();
        }
        cache.put(hash, new Cached(record, now));
        return record;
    }

    private record Cached(ApiKeyRecord record, long at) {}

    private static final long CACHE_NANOS = 1_000_000_000L;
    private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();

    public List<ApiKeyRecord> list() {
        return store.readOne(tx -> tx.listKeys());
    }

    public boolean revoke(String id, long now) {
        boolean revoked = store.write(tx -> tx.revokeKey(id, now));
        cache.clear();
        return revoked;
    }

    static String hash(String key) {
        return Hashes.sha256Hex(key.getBytes(StandardCharsets.UTF_8));
    }
}
