package com.nusomi.recorder.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Store#readOne}, a read of one statement: on PostgreSQL it runs outside a transaction (autocommit, no
 * {@code BEGIN} and no {@code COMMIT}) and is still read-only; on both stores a second statement is refused before
 * it runs, so that a read needing one snapshot for several statements cannot take this path unnoticed.
 */
class ReadOneTest {
    @TempDir
    Path temp;

    @Test
    void onPostgresqlAReadOfOneStatementRunsInAutocommitAndStaysReadOnly() {
        try (PostgresStore store = PostgresStore.open(PgCluster.shared().newSchema("read_one"))) {
            boolean oneInTransaction = store.readOne(tx -> ((StoreTx) tx).sql().inTransaction());
            assertThat(oneInTransaction).as("readOne in a transaction").isFalse();
            boolean readInTransaction = store.read(tx -> ((StoreTx) tx).sql().inTransaction());
            assertThat(readInTransaction).as("read in a transaction").isTrue();
            assertThatThrownBy(() -> store.readOne(tx -> ((StoreTx) tx)
                            .sql()
                            .update("UPDATE sessions SET workflow = workflow WHERE id = 'ses_none'")))
                    .hasMessageContaining("read-only transaction");
            // the connection went back to the pool in its transaction mode: a read is a transaction again
            for (int i = 0; i < 12; i++) {
                boolean again = store.read(tx -> ((StoreTx) tx).sql().inTransaction());
                assertThat(again).as("read %d after readOne", i).isTrue();
            }
            assertSecondStatementRefused(store);
        }
    }

    @Test
    void onSqliteASecondStatementInAReadOfOneIsRefusedToo() {
        try (SqliteStore store = SqliteStore.open(temp.resolve("sessions.db"))) {
            assertSecondStatementRefused(store);
        }
    }

    private static void assertSecondStatementRefused(Store store) {
        List<ApiKeyRecord> keys = store.readOne(tx -> tx.listKeys());
        assertThat(keys).isEmpty();
        assertThatThrownBy(() -> store.readOne(tx -> {
                    tx.listKeys();
                    return tx.findSession("ses_none");
                }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Store.read");
        List<Object> both = store.read(tx -> List.of(tx.listKeys(), tx.findSession("ses_none")));
        assertThat(both).hasSize(2);
    }
}
