package com.nusomi.recorder.server;

import com.nusomi.recorder.server.store.ApiKeyRecord;
import com.nusomi.recorder.server.store.PostgresStore;
import com.nusomi.recorder.server.store.PostgresTarget;
import com.nusomi.recorder.server.store.SqliteStore;
import com.nusomi.recorder.server.store.Store;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The API keys of a data folder or of a team server's PostgreSQL database, managed without a running server: what the
 * {@code keys} command uses, so that the command line reaches the key store through this one class and never the
 * store itself. Open it, use it, close it; every server on the same folder or database sees a revocation within a
 * second (see {@link ApiKeys#lookup}: each caches a key's answer for a second at most).
 */
public final class KeyAdmin implements AutoCloseable {
    /** The scopes a key may have: read, write, admin. */
    public static final Set<String> SCOPES = ApiKeys.SCOPES;

    /** A key as listed: never the key itself. */
    public record Key(String id, List<String> scopes, Instant createdAt, boolean revoked, String label) {
        static Key of(ApiKeyRecord record) {
            return new Key(
                    record.id(),
                    List.copyOf(record.scopes()),
                    Instant.ofEpochMilli(record.createdAt()),
                    record.isRevoked(),
                    record.label());
        }
    }

    /** A key just made: {@code secret} is the key, shown once and stored nowhere. */
    public record Created(Key key, String secret) {}

    private final Store store;
    private final ApiKeys keys;
    private final Clock clock;

    private KeyAdmin(Store store, Clock clock) {
        this.store = store;
        this.keys = new ApiKeys(store);
        this.clock = clock;
    }

    /** Opens the key store of a data folder (an already resolved one), creating the folder when missing. */
    public static KeyAdmin open(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create " + dataDir + ": " + e.getMessage(), e);
        }
        return new KeyAdmin(SqliteStore.open(dataDir.resolve(ApiServer.DATABASE_FILE)), Clock.systemUTC());
    }

    /**
     * Opens the key store of a team server's PostgreSQL database, as {@code serve --database} takes it
     * ({@code postgresql://HOST:PORT/DB?user=U}), with its password given apart (or null); migrates it when new.
     *
     * @throws IllegalArgumentException with a message for the user when the URL is not one we take
     */
    public static KeyAdmin open(String databaseUrl, String password) {
        return new KeyAdmin(PostgresStore.open(PostgresTarget.parse(databaseUrl, password)), Clock.systemUTC());
    }

    /** Creates a key with these scopes (a non-empty subset of {@link #SCOPES}) and an optional label. */
    public Created create(Set<String> scopes, String label) {
        ApiKeys.Created created = keys.create(scopes, label, clock.millis());
        return new Created(Key.of(created.record()), created.key());
    }

    /** Every key, revoked ones included, in the store's order. */
    public List<Key> list() {
        return keys.list().stream().map(Key::of).toList();
    }

    /** Revokes a key; false when there is no active key with that id. */
    public boolean revoke(String id) {
        return keys.revoke(id, clock.millis());
    }

    @Override
    public void close() {
        store.close();
    }
}
