package com.nusomi.recorder.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The list SQL keeps its depth whatever the number of filter values: no "Expression tree is too large". */
class SessionListSqlTest {
    @TempDir
    Path dir;

    private SqliteStore store;

    @BeforeEach
    void open() {
        store = SqliteStore.open(dir.resolve("sessions.db"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private void session(String id, String workflow, long createdAt, String... tags) {
        store.write(tx -> {
            tx.insertSession(new SessionRecord(
                    id,
                    workflow,
                    SessionRecord.CREATED,
                    null,
                    null,
                    "{}",
                    null,
                    null,
                    createdAt,
                    null,
                    null,
                    null,
                    null,
                    0,
                    0,
                    0,
                    0));
            for (String t : tags) {
                tx.insertTag(new TagRecord("tag_" + id + t, id, t, "{}", createdAt, null), createdAt);
            }
            return null;
        });
    }

    private static List<String> names(String prefix, int n) {
        return IntStream.range(0, n).mapToObj(i -> prefix + i).toList();
    }

    private List<String> list(List<String> workflows, List<String> tags) {
        SessionQuery q =
                new SessionQuery(workflows, List.of(), List.of(), List.of(), tags, null, null, false, null, null, 100);
        return store.read(tx -> tx.listSessions(q)).stream()
                .map(SessionRecord::id)
                .toList();
    }

    @Test
    void thousandsOfValuesRunAndFilterRight() {
        List<String> many = names("t", 2000);
        session("ses_a", "wf7", 1, many.toArray(String[]::new));
        session("ses_b", "wf8", 2, many.subList(0, 1999).toArray(String[]::new));
        session("ses_c", "other", 3, "t0");

        assertThat(list(List.of(), many)).containsExactly("ses_a");
        assertThat(list(names("wf", 2000), List.of())).containsExactly("ses_b", "ses_a");
        assertThat(list(names("wf", 2000), many.subList(0, 1999))).containsExactly("ses_b", "ses_a");
        assertThat(list(List.of(), List.of("t0"))).containsExactly("ses_c", "ses_b", "ses_a");
    }

    @Test
    void theSqlDoesNotGrowWithTheValues() {
        SessionQuery few = new SessionQuery(
                names("wf", 20),
                names("s", 20),
                List.of(),
                List.of(),
                names("t", 2),
                null,
                null,
                false,
                null,
                null,
                100);
        SessionQuery many = new SessionQuery(
                names("wf", 900),
                names("s", 900),
                List.of(),
                List.of(),
                names("t", 900),
                null,
                null,
                false,
                null,
                null,
                100);

        assertThat(SessionListSql.build(many, Dialect.SQLITE).sql())
                .isEqualTo(SessionListSql.build(few, Dialect.SQLITE).sql());
    }

    private List<String> listNot(List<String> tags, List<String> notTags) {
        SessionQuery q = new SessionQuery(
                List.of(), List.of(), List.of(), List.of(), tags, notTags, null, null, false, null, null, 100);
        return store.read(tx -> tx.listSessions(q)).stream()
                .map(SessionRecord::id)
                .toList();
    }

    @Test
    void thousandsOfExcludedTagsRunAndFilterRight() {
        List<String> many = names("n", 2000);
        session("ses_a", "wf", 1, "n1999", "keep");
        session("ses_b", "wf", 2, "keep");
        session("ses_c", "wf", 3, "n0");
        session("ses_d", "wf", 4);

        assertThat(listNot(List.of(), many)).containsExactly("ses_d", "ses_b");
        assertThat(listNot(List.of("keep"), many)).containsExactly("ses_b");
        assertThat(listNot(List.of(), many.subList(0, 1999))).containsExactly("ses_d", "ses_b", "ses_a");
    }

    @Test
    void theSqlDoesNotGrowWithTheExcludedTags() {
        for (List<String> tags : List.of(List.<String>of(), names("t", 3))) {
            SessionQuery few = new SessionQuery(
                    names("wf", 2),
                    List.of(),
                    List.of(),
                    List.of(),
                    tags,
                    names("n", 2),
                    null,
                    null,
                    false,
                    null,
                    null,
                    100);
            SessionQuery many = new SessionQuery(
                    names("wf", 2),
                    List.of(),
                    List.of(),
                    List.of(),
                    tags,
                    names("n", 900),
                    null,
                    null,
                    false,
                    null,
                    null,
                    100);

            assertThat(SessionListSql.build(many, Dialect.SQLITE).sql())
                    .isEqualTo(SessionListSql.build(few, Dialect.SQLITE).sql());
        }
    }

    @Test
    void aStoreErrorNamesNoSql() {
        List<Object> seen = new ArrayList<>();
        assertThatThrownBy(() -> store.read(tx -> ((StoreTx) tx)
                        .sql()
                        .query(
                                "SELECT nope FROM sessions WHERE id = ?",
                                rs -> seen.add(rs.getString(1)),
                                "secret_value")))
                .isInstanceOf(StoreException.class)
                .satisfies(
                        e -> assertThat(e.getMessage()).doesNotContain("SELECT").doesNotContain("secret_value"));
    }
}
