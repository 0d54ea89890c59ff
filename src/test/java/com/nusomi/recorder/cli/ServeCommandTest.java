package com.nusomi.recorder.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** serve warns when it would listen beyond loopback: the API is plain HTTP. */
class ServeCommandTest {
    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "::", "192.168.1.20", "10.0.0.1"})
    void aNonLoopbackBindIsWarnedAbout(String bind) {
        assertThat(ServeCommand.bindWarning(bind)).contains("plain HTTP").contains(bind);
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.1.2.3", "localhost", "::1"})
    void aLoopbackBindIsNot(String bind) {
        assertThat(ServeCommand.bindWarning(bind)).isNull();
    }
}
