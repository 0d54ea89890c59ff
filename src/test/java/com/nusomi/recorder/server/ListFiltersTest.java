package com.nusomi.recorder.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * GET /v1/sessions filters, alone and combined, over a fixed set of sessions created an hour apart by a test clock
 * (s1 oldest … s7 newest; s7 is soft-deleted).
 */
class ListFiltersTest {
    private static final Instant BASE = Instant.parse("2026-05-01T00:00:00Z");
    private static final MutableClock CLOCK = new MutableClock(BASE);
    private static final Map<String, String> IDS = new LinkedHashMap<>();

    @RegisterExtension
    static final LocalServer SERVER = new LocalServer().clock(CLOCK);

    private static ApiCalls api() {
        return SERVER.admin();
    }

    @BeforeAll
    static void createSessions() {
        create("s1", 0, "{\"workflow\":\"invoice\",\"actor\":{\"id\":\"ann\",\"kind\":\"human\"}}", "urgent");
        create(
                "s2",
                1,
                "{\"workflow\":\"invoice\",\"actor\":{\"id\":\"m1\",\"kind\":\"model\"},\"start\":true}",
                "urgent",
                "reviewed");
        create(
                "s3",
                2,
                "{\"workflow\":\"payroll\",\"actor\":{\"id\":\"cron\",\"kind\":\"script\"},\"start\":true}",
                "upload_failed");
        create("s4", 3, "{\"workflow\":\"payroll\",\"start\":true}", "reviewed");
        create(
                "s5",
                4,
                "{\"workflow\":\"onboard\",\"actor\":{\"id\":\"bob\",\"kind\":\"human\"},\"start\":true}",
                "urgent",
                "reviewed");
        create("s6", 5, "{\"workflow\":\"onboard\",\"actor\":{\"id\":\"m2\",\"kind\":\"model\"}}");
        create("s7", 6, "{\"workflow\":\"invoice\",\"actor\":{\"id\":\"cron\",\"kind\":\"script\"}}", "reviewed");
        CLOCK.set(BASE.plus(Duration.ofHours(7)));
        api().stop(IDS.get("s1"));
        api().stop(IDS.get("s2"));
        api().stop(IDS.get("s3"));
        SERVER.server().sealNow();
        api().stop(IDS.get("s4"));
        api().softDelete(IDS.get("s7"));
    }

    private static void create(String name, int hour, String body, String... tags) {
        CLOCK.set(BASE.plus(Duration.ofHours(hour)));
        String id = api().create(body).get("id").asText();
        IDS.put(name, id);
        for (String tag : tags) {
            api().tag(id, tag);
        }
    }

    private static List<String> names(List<String> ids) {
        Map<String, String> byId = new LinkedHashMap<>();
        IDS.forEach((name, id) -> byId.put(id, name));
        return ids.stream().map(id -> byId.getOrDefault(id, id)).toList();
    }

    @Test
    void statusesAndOutcomesAreAsArranged() {
        Map<String, String> states = new LinkedHashMap<>();
        for (String n : List.of("s1", "s2", "s3", "s4", "s5", "s6")) {
            JsonNode s = api().session(IDS.get(n));
            states.put(n, s.get("status").asText() + "/" + s.get("outcome").asText());
        }
        assertThat(states)
                .containsExactly(
                        Map.entry("s1", "sealed/abandoned"),
                        Map.entry("s2", "sealed/success"),
                        Map.entry("s3", "sealed/error"),
                        Map.entry("s4", "stopped/success"),
                        Map.entry("s5", "recording/null"),
                        Map.entry("s6", "created/null"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            nullValues = "-",
            value = {
                "''                                        | s6 s5 s4 s3 s2 s1",
                "workflow=invoice                          | s2 s1",
                "workflow=invoice&workflow=onboard         | s6 s5 s2 s1",
                "workflow=nothing_here                     | -",
                "status=sealed                             | s3 s2 s1",
                "status=stopped                            | s4",
                "status=recording                          | s5",
                "status=created                            | s6",
                "status=created&status=recording           | s6 s5",
                "outcome=success                           | s4 s2",
                "outcome=error                             | s3",
                "outcome=abandoned                         | s1",
                "outcome=success&outcome=error             | s4 s3 s2",
                "actor.kind=human                          | s5 s1",
                "actor.kind=model                          | s6 s2",
                "actor.kind=script                         | s3",
                "actor.kind=human&actor.kind=script        | s5 s3 s1",
                "since=2026-05-01T02:00:00Z                | s6 s5 s4 s3",
                "since=2026-05-01T02:00:00.000Z            | s6 s5 s4 s3",
                "since=2026-05-01T04:00:00%2B02:00         | s6 s5 s4 s3",
                "since=2026-05-01T02:00:00.001Z            | s6 s5 s4",
                "since=3h                                  | s6 s5",
                "since=180m                                | s6 s5",
                "since=10800s                              | s6 s5",
                "since=1d                                  | s6 s5 s4 s3 s2 s1",
                "since=1w                                  | s6 s5 s4 s3 s2 s1",
                "until=2026-05-01T02:00:00Z                | s2 s1",
                "until=2026-05-01T02:00:00.001Z            | s3 s2 s1",
                "since=2026-05-01T01:00:00Z&until=2026-05-01T04:00:00Z | s4 s3 s2",
                "tag=urgent                                | s5 s2 s1",
                "tag=urgent&tag=reviewed                   | s5 s2",
                "tag=reviewed&tag=urgent                   | s5 s2",
                "tag=never_used                            | -",
                "workflow=invoice&tag=urgent&status=sealed | s2 s1",
                "workflow=onboard&actor.kind=human         | s5",
                "workflow=payroll&outcome=success          | s4",
                "tag=reviewed&outcome=success              | s4 s2",
                "tag=urgent&since=2026-05-01T01:00:00Z     | s5 s2",
                "tag=urgent&workflow=onboard&workflow=invoice&actor.kind=human | s5 s1",
                "status=sealed&actor.kind=human&outcome=abandoned | s1",
                "status=sealed&outcome=success&outcome=error&since=2026-05-01T02:00:00Z | s3",
                "workflow=invoice&status=created           | -",
                "not_tag=urgent                            | s6 s4 s3",
                "not_tag=never_used                        | s6 s5 s4 s3 s2 s1",
                "not_tag=urgent&not_tag=reviewed           | s6 s3",
                "not_tag=urgent&not_tag=urgent             | s6 s4 s3",
                "not_tag=upload_failed&not_tag=urgent&not_tag=reviewed | s6",
                "tag=reviewed&not_tag=urgent               | s4",
                "tag=urgent&not_tag=reviewed               | s1",
                "tag=urgent&not_tag=urgent                 | -",
                "tag=urgent&tag=reviewed&not_tag=upload_failed | s5 s2",
                "tag=urgent&not_tag=reviewed&workflow=invoice | s1",
                "not_tag=reviewed&workflow=payroll         | s3",
                "not_tag=urgent&status=sealed              | s3",
                "not_tag=urgent&outcome=success&outcome=error | s4 s3",
                "not_tag=urgent&since=2026-05-01T03:00:00Z | s6 s4",
                "workflow=invoice&workflow=payroll&status=sealed&status=stopped&not_tag=urgent | s4 s3",
            })
    void filterSelectsExactlyItsSessionsNewestFirst(String query, String expected) {
        List<String> want = expected == null ? List.of() : Arrays.asList(expected.split(" "));

        assertThat(names(api().listAll(query))).containsExactlyElementsOf(want);
    }

    @Test
    void deletedOnlyListsTheTrash() {
        JsonNode page = api().get("/v1/sessions?deleted=only").expect(200).json();

        assertThat(page.get("data")).extracting(s -> s.get("id").asText()).containsExactly(IDS.get("s7"));
        assertThat(page.get("data").get(0).get("deleted_at").isTextual()).isTrue();
        assertThat(page.get("data").get(0).get("purge_at").isTextual()).isTrue();
    }

    @Test
    void deletedOnlyCombinesWithOtherFilters() {
        assertThat(names(api().listAll("deleted=only&tag=reviewed&actor.kind=script")))
                .containsExactly("s7");
        assertThat(api().listAll("deleted=only&workflow=payroll")).isEmpty();
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("data").forEach(s -> ids.add(s.get("id").asText()));
        return ids;
    }

    @Test
    void notTagCombinesWithDeletedOnly() {
        assertThat(names(api().listAll("deleted=only&not_tag=urgent"))).containsExactly("s7");
        assertThat(api().listAll("deleted=only&not_tag=reviewed")).isEmpty();
        assertThat(names(api().listAll("deleted=only&tag=reviewed&not_tag=urgent")))
                .containsExactly("s7");
    }

    @Test
    void notTagPagesThroughWithItsCursor() {
        List<String> seen = new ArrayList<>();
        JsonNode page =
                api().get("/v1/sessions?not_tag=urgent&limit=1").expect(200).json();
        while (true) {
            page.get("data").forEach(s -> seen.add(s.get("id").asText()));
            if (page.get("next_cursor").isNull()) {
                break;
            }
            page = api().get("/v1/sessions?not_tag=urgent&limit=1&cursor="
                            + page.get("next_cursor").asText())
                    .expect(200)
                    .json();
        }

        assertThat(names(seen)).containsExactly("s6", "s4", "s3");
    }

    @Test
    void notTagWithTagPagesThroughWithItsCursor() {
        String q = "tag=reviewed&not_tag=upload_failed&not_tag=never_used&limit=2";
        JsonNode first = api().get("/v1/sessions?" + q).expect(200).json();
        JsonNode second = api().get("/v1/sessions?" + q + "&cursor="
                        + first.get("next_cursor").asText())
                .expect(200)
                .json();

        assertThat(names(ids(first))).containsExactly("s5", "s4");
        assertThat(names(ids(second))).containsExactly("s2");
        assertThat(second.get("has_more").asBoolean()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "not_tag=reviewed",
                "workflow=invoice",
                "tag=urgent",
                "not_tag=urgent&not_tag=reviewed",
                "not_tag=urgent&workflow=invoice",
            })
    void aNotTagCursorWithOtherFiltersIsCursorMismatch(String otherFilters) {
        String cursor = api().get("/v1/sessions?not_tag=urgent&limit=1")
                .expect(200)
                .json()
                .get("next_cursor")
                .asText();

        api().get("/v1/sessions?" + otherFilters + "&cursor=" + cursor).expectError(400, "cursor_mismatch", "cursor");
    }

    @Test
    void aNotTagCursorWithoutAnyFilterIsRefused() {
        String cursor = api().get("/v1/sessions?not_tag=urgent&limit=1")
                .expect(200)
                .json()
                .get("next_cursor")
                .asText();

        api().get("/v1/sessions?cursor=" + cursor).expectError(400, "cursor_mismatch", "cursor");
    }

    @Test
    void aCursorWithoutNotTagIsRefusedWithOne() {
        String cursor = api().get("/v1/sessions?limit=1")
                .expect(200)
                .json()
                .get("next_cursor")
                .asText();

        api().get("/v1/sessions?not_tag=urgent&cursor=" + cursor).expectError(400, "cursor_mismatch", "cursor");
    }

    @Test
    void includeTagsWithNotTagEmbedsTheTagsOfTheSessionsLeft() {
        JsonNode page = api().get("/v1/sessions?include=tags&not_tag=urgent")
                .expect(200)
                .json();

        assertThat(names(ids(page))).containsExactly("s6", "s4", "s3");
        assertThat(page.get("data").get(0).get("tags")).isEmpty();
        assertThat(page.get("data").get(1).get("tags").findValuesAsText("name")).containsExactly("reviewed");
        assertThat(page.get("data").get(2).get("tags").findValuesAsText("name")).containsExactly("upload_failed");
    }

    @Test
    void deletedOnlyNeedsTheAdminScope() {
        SERVER.withScopes("read", "write").get("/v1/sessions?deleted=only").expectError(403, "insufficient_scope");
    }

    @Test
    void includeTagsEmbedsEachSessionsTagsOldestFirst() {
        JsonNode page = api().get("/v1/sessions?include=tags&workflow=invoice")
                .expect(200)
                .json();

        JsonNode s2 = page.get("data").get(0);
        assertThat(s2.get("id").asText()).isEqualTo(IDS.get("s2"));
        assertThat(s2.get("tags").findValuesAsText("name")).containsExactly("urgent", "reviewed");
        assertThat(page.get("data").get(1).get("tags").findValuesAsText("name")).containsExactly("urgent");
    }

    @Test
    void withoutIncludeListsCarryNoTags() {
        JsonNode page = api().get("/v1/sessions?workflow=invoice").expect(200).json();

        assertThat(page.get("data")).allSatisfy(s -> assertThat(s.has("tags")).isFalse());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "workflow=Invoice      | workflow",
                "workflow=             | workflow",
                "status=done           | status",
                "status=Sealed         | status",
                "outcome=ok            | outcome",
                "actor.kind=robot      | actor.kind",
                "tag=Bad-Tag           | tag",
                "not_tag=Bad-Tag       | not_tag",
                "not_tag=              | not_tag",
                "not_tag=a             | not_tag",
                "not_tag=urgent&not_tag=Urgent | not_tag",
                "tag=urgent&not_tag=x%20y | not_tag",
                "since=yesterday       | since",
                "since=0h              | since",
                "since=1y              | since",
                "since=1H              | since",
                "since=-1h             | since",
                "since=1234567h        | since",
                "since=2026-05-01      | since",
                "since=2026-05-01T02:00:00 | since",
                "since=3h&since=4h     | since",
                "until=1h              | until",
                "until=2026-13-01T00:00:00Z | until",
                "until=%2B999999999-01-01T00:00:00Z | until",
                "since=-999999999-01-01T00:00:00Z | since",
                "include=events        | include",
                "include=frames_summary | include",
                "deleted=yes           | deleted",
                "limit=0               | limit",
                "limit=501             | limit",
                "limit=abc             | limit",
                "limit=-1              | limit",
                "limit=1.5             | limit",
                "limit=                | limit",
                "limit=10&limit=20     | limit",
            })
    void badFilterValueIsParameterInvalidNamingIt(String query, String param) {
        api().get("/v1/sessions?" + query).expectError(400, "parameter_invalid", param);
    }

    @Test
    void unknownQueryParameterIsUnknownParameter() {
        api().get("/v1/sessions?workflw=invoice").expectError(400, "unknown_parameter", "workflw");
    }

    @Test
    void farFutureUntilIsAcceptedAndFiltersNothingOut() {
        assertThat(api().listAll("until=9999-12-31T23:59:59Z")).hasSize(6);
    }
}
