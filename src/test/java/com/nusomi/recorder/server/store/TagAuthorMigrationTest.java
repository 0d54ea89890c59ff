package com.nusomi.recorder.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code V4__tag_added_by.sql} adds a nullable author key to tags: tags written before it keep their rows and read
 * with no author; tags written after it keep their key and read it back with the key's label.
 */
class TagAuthorMigrationTest {

    @Test
    void tagsWrittenBeforeHaveNoAuthorAndNewOnesKeepTheirKey(@TempDir Path dir) throws SQLException {
        Path db = dir.resolve("sessions.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                Statement st = c.createStatement()) {
            Migrations.apply(c, Migrations.FILES.subList(0, 3));
            st.executeUpdate("INSERT INTO sessions (id, workflow, status, metadata, created_at) "
                    + "VALUES ('ses_a', 'wf', 'created', '{}', 0)");
            st.executeUpdate("INSERT INTO tags (id, session_id, name, data, created_at, offset_ms) "
                    + "VALUES ('tag_1', 'ses_a', 'old', '{}', 10, NULL)");
            st.executeUpdate("INSERT INTO api_keys (id, key_hash, hint, scopes, label, created_at) "
                    + "VALUES ('key_a', 'h', '...a', 'read,write', 'anna', 0)");
        }

        try (SqliteStore store = SqliteStore.open(db)) {
            store.write(tx -> {
                tx.insertTag(new TagRecord("tag_2", "ses_a", "new", "{}", 20, null, "key_a", null), 0);
                return null;
            });
            List<TagRecord> tags = store.read(tx -> tx.tagsOf("ses_a"));

            assertThat(tags)
                    .extracting(TagRecord::name, TagRecord::addedByKeyId, TagRecord::addedByLabel)
                    .containsExactly(Tuple.tuple("old", null, null), Tuple.tuple("new", "key_a", "anna"));
        }
    }
}
