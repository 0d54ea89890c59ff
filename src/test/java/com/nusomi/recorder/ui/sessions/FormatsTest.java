package com.nusomi.recorder.ui.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FormatsTest {

    @Test
    void aCountTakesItsNounInTheRightNumber() {
        assertThat(Formats.count(0, "frame", "frames")).isEqualTo("0 frames");
        assertThat(Formats.count(1, "frame", "frames")).isEqualTo("1 frame");
        assertThat(Formats.count(2, "frame", "frames")).isEqualTo("2 frames");
    }

    @Test
    void bytesAreShownInTheLargestUnitBelowTheirSize() {
        assertThat(Formats.bytes(1023)).isEqualTo("1023 B");
        assertThat(Formats.bytes(25_805)).isEqualTo("25.2 KB");
        assertThat(Formats.bytes(3 * 1024 * 1024 + 512 * 1024)).isEqualTo("3.5 MB");
    }
}
