package com.nusomi.recorder.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which Host headers name this machine's loopback (allowed on a loopback-only server). */
class LoopbackHostTest {
    @ParameterizedTest
    @ValueSource(
            strings = {
                "localhost",
                "LOCALHOST:8765",
                "localhost.",
                "app.localhost:1",
                "127.0.0.1",
                "127.0.0.1:8765",
                "127.255.0.9",
                "[::1]",
                "[::1]:8765",
                "[0:0:0:0:0:0:0:1]:80"
            })
    void loopbackNames(String host) {
        assertThat(LoopbackHosts.isLoopbackHost(host)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "evil.example",
                "evil.example:8765",
                "localhost.evil.example",
                "127.0.0.1.evil.example",
                "128.0.0.1",
                "127.0.0.256",
                "127.0.0",
                "0.0.0.0",
                "[::2]",
                "[::1]x",
                "localhost:abc",
                "192.168.1.2",
                "[::ffff:7f00:1]",
                ""
            })
    void otherNames(String host) {
        assertThat(LoopbackHosts.isLoopbackHost(host)).isFalse();
    }
}
