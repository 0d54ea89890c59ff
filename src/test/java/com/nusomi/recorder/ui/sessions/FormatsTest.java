package com.nusomi.recorder.ui.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FormatsTest {

    @Test
    void aCountTakesItsNounInTheRightNumber() {
        assertThat(Formats.count(0, "frame", "frames")).isEqualTo("0 frames");
        assertThat(Formats.count(1, "frame", "frames")).isEqualTo("1 frame");
        assertThat(Formats.count(2, "frame", "frames")).isEqualTo("2 frames");
    }

    @Test
    void aTimeRangeDropsTheSecondDateOnTheSameDayAndIsOneTimeWhenBothAreTheSame() {
        // local times, as the screen shows them: the expectations are built in the same zone
        Instant morning = LocalDateTime.of(2026, 11, 29, 7, 21, 8)
                .atZone(ZoneId.systemDefault())
                .toInstant();
        Instant later = morning.plusSeconds(4 * 60 + 2);
        Instant nextDay = morning.plusSeconds(24 * 3600);

        assertThat(Formats.timeRange(morning, later)).isEqualTo("2026-11-29 07:21:08 – 07:25:10");
        assertThat(Formats.timeRange(morning, morning.plusMillis(400))).isEqualTo("2026-11-29 07:21:08");
        assertThat(Formats.timeRange(morning, nextDay)).isEqualTo("2026-11-29 07:21:08 – 2026-11-30 07:21:08");
        assertThat(Formats.timeRange(morning, null)).isEqualTo("2026-11-29 07:21:08");
    }

    @Test
    void theRecordersEventsReadAsSentencesAndAnyOtherEventAsItsJson() {
        Map<String, Object> click = new LinkedHashMap<>();
        click.put("x", 1480);
        click.put("y", 870);
        click.put("button", "primary");
        click.put("window", "Invoices – Acme");
        assertThat(Formats.eventSummary("click", click)).isEqualTo("primary click at 1480, 870 in “Invoices – Acme”");
        click.put("window", null);
        assertThat(Formats.eventSummary("click", click)).isEqualTo("primary click at 1480, 870");

        assertThat(Formats.eventSummary("key", Map.of("keys", 12, "modifiers", List.of("ctrl", "shift"))))
                .isEqualTo("12 keys with ctrl+shift");
        assertThat(Formats.eventSummary("key", Map.of("keys", 1, "modifiers", List.of(), "text", "a")))
                .isEqualTo("1 key: “a”");
        assertThat(Formats.eventSummary("note", Map.of("text", "customer called back")))
                .isEqualTo("customer called back");
        assertThat(Formats.eventSummary("marker", Map.of("kind", "pause"))).isEqualTo("pause");

        // another client's event, or a known type in another shape: its data as it is
        assertThat(Formats.eventSummary("approval", Map.of("by", "anna"))).isEqualTo("{\"by\":\"anna\"}");
        assertThat(Formats.eventSummary("click", Map.of("target", "ok"))).isEqualTo("{\"target\":\"ok\"}");
        assertThat(Formats.eventSummary("note", Map.of())).isEmpty();
    }

    @Test
    void bytesAreShownInTheLargestUnitBelowTheirSize() {
        assertThat(Formats.bytes(1023)).isEqualTo("1023 B");
        assertThat(Formats.bytes(25_805)).isEqualTo("25.2 KB");
        assertThat(Formats.bytes(3 * 1024 * 1024 + 512 * 1024)).isEqualTo("3.5 MB");
    }
}
