package com.nusomi.recorder.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Tag authors [ext]: every tag the server returns carries {@code added_by: {key_id, label}}, naming the API key that
 * added it, on the tag's creation and on every read of it; a tag with no recorded key (written before tags recorded
 * one) reads {@code added_by: null}.
 */
class TagAuthorsTest {
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-05-07T14:00:00Z"));

    @RegisterExtension
    static final LocalServer SERVER = new LocalServer().clock(CLOCK);

    private static ApiCalls anna;
    private static String annaKeyId;
    private static ApiCalls bob;
    private static String bobKeyId;
    private static ApiCalls unlabelled;
    private static String unlabelledKeyId;

    @BeforeAll
    static void keys() {
        ApiKeys.Created a = SERVER.server().keys().create(Set.of("read", "write"), "anna", CLOCK.millis());
        ApiKeys.Created b = SERVER.server().keys().create(Set.of("read", "write"), "bob", CLOCK.millis());
        ApiKeys.Created u = SERVER.server().keys().create(Set.of("read", "write"), null, CLOCK.millis());
        anna = new ApiCalls(SERVER.server().baseUrl(), a.key());
        annaKeyId = a.record().id();
        bob = new ApiCalls(SERVER.server().baseUrl(), b.key());
        bobKeyId = b.record().id();
        unlabelled = new ApiCalls(SERVER.server().baseUrl(), u.key());
        unlabelledKeyId = u.record().id();
    }

    private static void assertAddedBy(JsonNode tag, String keyId, String label) {
        JsonNode by = tag.get("added_by");
        assertThat(by).as("added_by of %s", tag).isNotNull();
        assertThat(by.isObject()).as("added_by of %s", tag).isTrue();
        assertThat(by.get("key_id").asText()).isEqualTo(keyId);
        if (label == null) {
            assertThat(by.get("label").isNull()).as("label of %s", tag).isTrue();
        } else {
            assertThat(by.get("label").asText()).isEqualTo(label);
        }
        assertThat(by.size()).isEqualTo(2);
    }

    private static JsonNode byName(JsonNode tags, String name) {
        return StreamSupport.stream(tags.spliterator(), false)
                .filter(t -> t.get("name").asText().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no tag " + name + " in " + tags));
    }

    @Test
    void createAnswersWithTheKeyThatAddedTheTag() {
        String id = anna.createSession("authored").get("id").asText();

        assertAddedBy(anna.tag(id, "by_anna"), annaKeyId, "anna");
        assertAddedBy(bob.tag(id, "by_bob"), bobKeyId, "bob");
    }

    @Test
    void aKeyWithoutALabelIsNamedWithANullLabel() {
        String id = anna.createSession("authored").get("id").asText();

        assertAddedBy(unlabelled.tag(id, "by_nobody_named"), unlabelledKeyId, null);
        assertAddedBy(
                byName(
                        anna.get("/v1/sessions/" + id + "?include=tags")
                                .expect(200)
                                .json()
                                .get("tags"),
                        "by_nobody_named"),
                unlabelledKeyId,
                null);
    }

    @Test
    void theAdminKeyIsNamedToo() {
        String id = SERVER.admin().createSession("authored").get("id").asText();

        JsonNode tag = SERVER.admin().tag(id, "by_admin");

        assertThat(tag.get("added_by").get("key_id").asText()).startsWith("key_");
        assertThat(tag.get("added_by").get("label").asText()).isEqualTo("admin (data folder)");
    }

    @Test
    void getWithIncludeTagsNamesEachTagsKey() {
        String id = anna.createRecording("authored").get("id").asText();
        anna.tag(id, "by_anna");
        bob.tag(id, "by_bob");

        JsonNode tags = unlabelled
                .get("/v1/sessions/" + id + "?include=tags")
                .expect(200)
                .json()
                .get("tags");

        assertAddedBy(byName(tags, "by_anna"), annaKeyId, "anna");
        assertAddedBy(byName(tags, "by_bob"), bobKeyId, "bob");
    }

    @Test
    void listWithIncludeTagsNamesEachTagsKey() {
        String id = anna.createSession("authored_list").get("id").asText();
        bob.tag(id, "by_bob");
        anna.tag(id, "by_anna");

        JsonNode page = anna.get("/v1/sessions?workflow=authored_list&include=tags")
                .expect(200)
                .json();

        JsonNode tags = page.get("data").get(0).get("tags");
        assertAddedBy(byName(tags, "by_anna"), annaKeyId, "anna");
        assertAddedBy(byName(tags, "by_bob"), bobKeyId, "bob");
    }

    @Test
    void theTrashListNamesEachTagsKey() {
        String id = bob.createSession("authored_trash").get("id").asText();
        bob.tag(id, "by_bob");
        bob.softDelete(id);

        JsonNode page = SERVER.admin()
                .get("/v1/sessions?deleted=only&workflow=authored_trash&include=tags")
                .expect(200)
                .json();

        assertAddedBy(page.get("data").get(0).get("tags").get(0), bobKeyId, "bob");
    }

    @Test
    void theKeyIsStillNamedAfterItIsRevoked() {
        ApiKeys.Created gone = SERVER.server().keys().create(Set.of("write", "read"), "temp", CLOCK.millis());
        ApiCalls temp = new ApiCalls(SERVER.server().baseUrl(), gone.key());
        String id = temp.createSession("authored").get("id").asText();
        temp.tag(id, "by_temp");
        SERVER.server().keys().revoke(gone.record().id(), CLOCK.millis());

        JsonNode tags = anna.get("/v1/sessions/" + id + "?include=tags")
                .expect(200)
                .json()
                .get("tags");

        assertAddedBy(byName(tags, "by_temp"), gone.record().id(), "temp");
    }

    @Test
    void aTagWrittenBeforeAuthorsWereRecordedReadsNull() throws SQLException {
        String id = anna.createSession("authored_old").get("id").asText();
        // As the server wrote tags before V4: no added_by_key_id.
        try (Connection c = SERVER.connectDatabase();
                PreparedStatement ps = c.prepareStatement("INSERT INTO tags (id, session_id, name, data, created_at, "
                        + "offset_ms) VALUES ('tag_01HZ0D0D0D0D0D0D0D0D0D0D0D', ?, 'old_tag', '{}', ?, NULL)")) {
            ps.setString(1, id);
            ps.setLong(2, CLOCK.millis());
            ps.executeUpdate();
        }
        anna.tag(id, "new_tag");

        JsonNode got = anna.get("/v1/sessions/" + id + "?include=tags")
                .expect(200)
                .json()
                .get("tags");
        JsonNode listed = anna.get("/v1/sessions?workflow=authored_old&include=tags")
                .expect(200)
                .json()
                .get("data")
                .get(0)
                .get("tags");

        for (JsonNode tags : List.of(got, listed)) {
            JsonNode old = byName(tags, "old_tag");
            assertThat(old.has("added_by")).isTrue();
            assertThat(old.get("added_by").isNull()).isTrue();
            assertAddedBy(byName(tags, "new_tag"), annaKeyId, "anna");
        }
    }
}
