package com.nusomi.recorder.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The server's policies in plain words: units and their plurals, Off, and forms this app does not know. */
class PolicyWordsTest {
    @Test
    void durationsAreSpelledOutInTheirUnitSingularForOne() {
        assertThat(PolicyWords.duration("90d")).isEqualTo("90 days");
        assertThat(PolicyWords.duration("1h")).isEqualTo("1 hour");
        assertThat(PolicyWords.duration("2w")).isEqualTo("2 weeks");
        assertThat(PolicyWords.duration("30m")).isEqualTo("30 minutes");
        assertThat(PolicyWords.duration("45s")).isEqualTo("45 seconds");
    }

    @Test
    void aPolicyThatIsOffSaysOff() {
        assertThat(PolicyWords.retention(null)).isEqualTo("Off");
        assertThat(PolicyWords.autoStop(null)).isEqualTo("Off");
        assertThat(PolicyWords.rateLimit(null)).isEqualTo("Off");
    }

    @Test
    void ratesNameTheirPeriod() {
        assertThat(PolicyWords.rateLimit("600/m")).startsWith("Each API key may make 600 requests a minute;");
        assertThat(PolicyWords.rateLimit("1/h")).startsWith("Each API key may make 1 request an hour;");
    }

    @Test
    void anUnknownFormIsShownAsTheServerGaveIt() {
        assertThat(PolicyWords.retention("P90D"))
                .isEqualTo("Sealed runs older than P90D are deleted (restorable for 30 days, then purged)");
        assertThat(PolicyWords.rateLimit("100 per 2s")).isEqualTo("Each API key may make 100 per 2s requests");
    }
}
