package com.nusomi.recorder.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** GET /v1/sessions order and paging: keyset cursors, has_more and next_cursor, cursors tied to their filters. */
class ListPagingTest {
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-05-07T14:00:00Z"));

    /** A fresh server per test: each one counts every session. */
    @RegisterExtension
    final LocalServer server = new LocalServer().clock(CLOCK);

    private ApiCalls api() {
        return server.admin();
    }

    /** Creates n sessions a second apart; returns their ids newest first. */
    private List<String> createSessions(int n, String workflow) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            CLOCK.advance(Duration.ofSeconds(1));
            ids.add(0, api().createSession(workflow).get("id").asText());
        }
        return ids;
    }

    private JsonNode page(String query) {
        return api().get("/v1/sessions?" + query).expect(200).json();
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("data").forEach(s -> ids.add(s.get("id").asText()));
        return ids;
    }

    @Test
    void newestFirstByCreatedAt() {
        List<String> newestFirst = createSessions(5, "wf");

        assertThat(ids(page(""))).containsExactlyElementsOf(newestFirst);
    }

    @Test
    void createdAtWinsOverIdOrder() {
        CLOCK.advance(Duration.ofHours(1));
        String later = api().createSession("wf").get("id").asText();
        CLOCK.advance(Duration.ofMinutes(-30));
        String earlierButNewerId = api().createSession("wf").get("id").asText();

        assertThat(ids(page(""))).containsExactly(later, earlierButNewerId);
    }

    @Test
    void sameCreatedAtIsOrderedByIdDescending() {
        List<String> ids = new ArrayList<>(IntStream.range(0, 5)
                .mapToObj(i -> api().createSession("wf").get("id").asText())
                .toList());
        Collections.reverse(ids);

        assertThat(ids(page(""))).containsExactlyElementsOf(ids);
    }

    @Test
    void defaultLimitIsOneHundred() {
        createSessions(101, "wf");

        JsonNode page = page("");

        assertThat(page.get("data")).hasSize(100);
        assertThat(page.get("has_more").asBoolean()).isTrue();
    }

    @Test
    void limitsOneAndFiveHundredAreAccepted() {
        createSessions(3, "wf");

        assertThat(page("limit=1").get("data")).hasSize(1);
        assertThat(page("limit=500").get("data")).hasSize(3);
    }

    @Test
    void pagesWalkEverySessionOnceInOrder() {
        List<String> all = createSessions(25, "wf");
        List<String> seen = new ArrayList<>();
        List<Boolean> hasMore = new ArrayList<>();
        JsonNode page = page("limit=10");
        while (true) {
            seen.addAll(ids(page));
            hasMore.add(page.get("has_more").asBoolean());
            if (page.get("next_cursor").isNull()) {
                break;
            }
            page = page("limit=10&cursor=" + page.get("next_cursor").asText());
        }

        assertThat(seen).containsExactlyElementsOf(all);
        assertThat(hasMore).containsExactly(true, true, false);
    }

    @Test
    void nextCursorIsNullExactlyWhenHasMoreIsFalse() {
        createSessions(20, "wf");

        JsonNode first = page("limit=10");
        JsonNode second = page("limit=10&cursor=" + first.get("next_cursor").asText());

        assertThat(first.get("has_more").asBoolean()).isTrue();
        assertThat(first.get("next_cursor").isTextual()).isTrue();
        assertThat(second.get("data")).hasSize(10);
        assertThat(second.get("has_more").asBoolean()).isFalse();
        assertThat(second.get("next_cursor").isNull()).isTrue();
    }

    @Test
    void emptyListHasNoMoreAndNoCursor() {
        JsonNode page = page("");

        assertThat(page.get("data")).isEmpty();
        assertThat(page.get("has_more").asBoolean()).isFalse();
        assertThat(page.get("next_cursor").isNull()).isTrue();
    }

    @Test
    void cursorKeepsItsFilters() {
        List<String> invoices = createSessions(6, "invoice");
        createSessions(6, "payroll");

        JsonNode first = page("workflow=invoice&limit=4");
        JsonNode second = page(
                "workflow=invoice&limit=4&cursor=" + first.get("next_cursor").asText());

        assertThat(ids(first)).containsExactlyElementsOf(invoices.subList(0, 4));
        assertThat(ids(second)).containsExactlyElementsOf(invoices.subList(4, 6));
    }

    @Test
    void cursorMayChangeTheLimit() {
        List<String> all = createSessions(6, "wf");

        JsonNode first = page("limit=2");
        JsonNode second = page("limit=4&cursor=" + first.get("next_cursor").asText());

        assertThat(ids(second)).containsExactlyElementsOf(all.subList(2, 6));
    }

    @Test
    void relativeSinceIsFixedByTheFirstPage() {
        List<String> all = createSessions(6, "wf");
        JsonNode first = page("since=1h&limit=3");
        CLOCK.advance(Duration.ofMinutes(59).plusSeconds(57));

        JsonNode second =
                page("since=1h&limit=3&cursor=" + first.get("next_cursor").asText());

        assertThat(ids(second)).containsExactlyElementsOf(all.subList(3, 6));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "workflow=payroll",
                "workflow=invoice&workflow=payroll",
                "status=created",
                "",
                "tag=urgent&workflow=invoice",
                "deleted=only&workflow=invoice"
            })
    void cursorWithOtherFiltersIsCursorMismatch(String otherFilters) {
        createSessions(3, "invoice");
        String cursor = page("workflow=invoice&limit=1").get("next_cursor").asText();

        api().get("/v1/sessions?" + otherFilters + (otherFilters.isEmpty() ? "" : "&") + "cursor=" + cursor)
                .expectError(400, "cursor_mismatch", "cursor");
    }

    @Test
    void cursorWithTheSameFiltersInAnotherOrderIsAccepted() {
        createSessions(3, "invoice");
        createSessions(3, "payroll");
        String cursor = page("workflow=invoice&workflow=payroll&limit=1")
                .get("next_cursor")
                .asText();

        api().get("/v1/sessions?workflow=payroll&workflow=invoice&cursor=" + cursor)
                .expect(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage", "%21%21%21", "eyJ9", "bnVsbA", "W10"})
    void malformedCursorIsCursorInvalid(String cursor) {
        api().get("/v1/sessions?cursor=" + cursor).expectError(400, "cursor_invalid", "cursor");
    }

    @Test
    void wellFormedJsonCursorWithoutPositionIsCursorInvalid() {
        String forged = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString("{\"c\":\"x\"}".getBytes(StandardCharsets.UTF_8));

        api().get("/v1/sessions?cursor=" + forged).expectError(400, "cursor_invalid", "cursor");
    }

    @Test
    void emptyCursorIsCursorInvalid() {
        api().get("/v1/sessions?cursor=").expectError(400, "cursor_invalid", "cursor");
    }

    @Test
    void softDeletedSessionsAreLeftOutOfPages() {
        List<String> all = createSessions(5, "wf");
        api().softDelete(all.get(1));
        api().softDelete(all.get(3));

        assertThat(api().listAll("")).containsExactly(all.get(0), all.get(2), all.get(4));
    }
}
