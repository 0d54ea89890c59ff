package com.nusomi.recorder.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TimesTest {
    private static final DateTimeFormatter REFERENCE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    @Test
    void formatMatchesTheReferenceFormatterOverFourCenturies() {
        SplittableRandom random = new SplittableRandom(42);
        long from = Instant.parse("1900-01-01T00:00:00Z").toEpochMilli();
        long to = Instant.parse("2300-01-01T00:00:00Z").toEpochMilli();
        for (int i = 0; i < 200_000; i++) {
            long millis = random.nextLong(from, to);
            assertThat(Times.format(millis)).isEqualTo(REFERENCE.format(Instant.ofEpochMilli(millis)));
        }
    }

    @Test
    void formatKeepsMillisecondsAndEdgesOfTheDay() {
        assertThat(Times.format(0)).isEqualTo("1970-01-01T00:00:00.000Z");
        assertThat(Times.format(-1)).isEqualTo("1969-12-31T23:59:59.999Z");
        assertThat(Times.format(Instant.parse("2024-02-29T23:59:59.007Z").toEpochMilli()))
                .isEqualTo("2024-02-29T23:59:59.007Z");
    }

    @Test
    void parseAcceptsBothFormsAndOffsets() {
        assertThat(Times.parse("2026-05-07T14:01:33Z")).contains(Instant.parse("2026-05-07T14:01:33Z"));
        assertThat(Times.parse("2026-05-07T14:01:33.250Z")).contains(Instant.parse("2026-05-07T14:01:33.250Z"));
        assertThat(Times.parse("2026-05-07T16:01:33+02:00")).contains(Instant.parse("2026-05-07T14:01:33Z"));
        assertThat(Times.parse("2026-05-07")).isEmpty();
        assertThat(Times.parse("yesterday")).isEmpty();
    }
}
