package com.nusomi.recorder.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** serve --database: the URL forms taken, and a password never in the URL nor in what is shown. */
class PostgresTargetTest {
    @Test
    void aUrlBecomesAJdbcUrlWithTheUserApart() {
        PostgresTarget t = PostgresTarget.parse("postgresql://db.example:5433/sessions?user=rec&sslmode=require", "pw");

        assertThat(t.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:5433/sessions?sslmode=require");
        assertThat(t.user()).isEqualTo("rec");
        assertThat(t.password()).isEqualTo("pw");
        assertThat(t.url()).isEqualTo("postgresql://db.example:5433/sessions?sslmode=require&user=rec");
        assertThat(PostgresTarget.parse(t.url(), null).jdbcUrl()).isEqualTo(t.jdbcUrl());
    }

    @Test
    void theUserMayPrecedeTheHost() {
        PostgresTarget t = PostgresTarget.parse("postgres://rec@127.0.0.1/sessions", null);

        assertThat(t.user()).isEqualTo("rec");
        assertThat(t.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1/sessions");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "postgresql://rec:hunter2@db/sessions",
                "postgresql://db/sessions?user=rec&password=hunter2",
                "postgresql://db/sessions?PASSWORD=hunter2"
            })
    void aPasswordInTheUrlIsRefusedWithoutEchoingIt(String url) {
        assertThatThrownBy(() -> PostgresTarget.parse(url, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PGPASSWORD")
                .message()
                .doesNotContain("hunter2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sessions.db", "postgresql:///sessions", "postgresql://db/", "mysql://db/sessions"})
    void whatIsNotAPostgresUrlIsRefused(String url) {
        assertThatThrownBy(() -> PostgresTarget.parse(url, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void whatIsShownHoldsNoPassword() {
        PostgresTarget t = PostgresTarget.parse("postgresql://db/sessions?user=rec", "hunter2");

        assertThat(t.toString()).contains("db/sessions").contains("rec").doesNotContain("hunter2");
    }
}
