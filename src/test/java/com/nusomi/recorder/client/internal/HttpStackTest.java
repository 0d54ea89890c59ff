package com.nusomi.recorder.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import okhttp3.ConnectionSpec;
import org.junit.jupiter.api.Test;

class HttpStackTest {

    private static HttpStack stack(boolean cleartextOnly) {
        Duration d = Duration.ofSeconds(5);
        return new HttpStack(d, d, d, d, 1, null, cleartextOnly);
    }

    @Test
    void aPlainHttpClientSetsUpNoTls() {
        HttpStack stack = stack(true);
        try {
            assertThat(stack.http().connectionSpecs()).containsExactly(ConnectionSpec.CLEARTEXT);
            assertThat(stack.http().x509TrustManager()).isNull();
        } finally {
            stack.close();
        }
    }

    @Test
    void anHttpsClientKeepsOkHttpsTls() {
        HttpStack stack = stack(false);
        try {
            assertThat(stack.http().connectionSpecs()).contains(ConnectionSpec.MODERN_TLS);
            assertThat(stack.http().x509TrustManager()).isNotNull();
        } finally {
            stack.close();
        }
    }
}
