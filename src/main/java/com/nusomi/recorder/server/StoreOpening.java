package com.nusomi.recorder.server;

import com.nusomi.recorder.server.store.PostgresStore;
import com.nusomi.recorder.server.store.SqliteStore;
import com.nusomi.recorder.server.store.Store;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A server's store, opening on a thread of its own ({@code store-open}) while the server sets up the rest: the SQLite
 * file in the data folder or the PostgreSQL database, its driver loaded and its schema migrated.
 */
final class StoreOpening {
    private final CompletableFuture<Store> store = new CompletableFuture<>();
    private volatile long millis;

    private StoreOpening() {}

    static StoreOpening start(ServerConfig config) {
        StoreOpening opening = new StoreOpening();
        Thread thread = new Thread(() -> opening.open(config), "store-open");
        thread.setDaemon(true);
        thread.start();
        return opening;
    }

    private void open(ServerConfig config) {
        long began = System.nanoTime();
        try {
            Store opened = config.database() != null
                    ? PostgresStore.open(config.database())
                    : SqliteStore.open(config.dataDir().resolve(ApiServer.DATABASE_FILE));
            millis = (System.nanoTime() - began) / 1_000_000;
            store.complete(opened);
        } catch (RuntimeException | Error e) {
            store.completeExceptionally(e);
        }
    }

    /** The open store, once it is; what opening it threw, thrown here as it was. */
    Store await() {
        try {
            return store.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /** How long opening the store took on its thread. */
    long millis() {
        return millis;
    }

    /** For a start that failed before taking the store: it is closed once open (or at once if it is). */
    // nothing waits on the closing: the start has failed already and reports its own failure
    @SuppressWarnings("FutureReturnValueIgnored")
    void closeWhenOpen() {
        store.whenComplete((opened, failure) -> {
            if (opened != null) {
                opened.close();
            }
        });
    }
}
