package com.nusomi.recorder.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Pages never skip or repeat a session that existed at the first page, while others are being created. */
class CursorStabilityTest {
    @RegisterExtension
    static final LocalServer SERVER = new LocalServer();

    @Test
    void pagingWhileSessionsAreCreatedNeitherSkipsNorRepeats() {
        ApiCalls api = SERVER.admin();
        List<String> existing = new ArrayList<>();
        for (int i = 0; i < 210; i++) {
            existing.add(0, api.createSession("wf_" + (i % 3)).get("id").asText());
        }
        AtomicBoolean paging = new AtomicBoolean(true);
        AtomicInteger createdMeanwhile = new AtomicInteger();
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            while (paging.get()) {
                api.createSession("wf_" + (createdMeanwhile.incrementAndGet() % 3));
            }
        });

        List<String> seen = new ArrayList<>();
        JsonNode page = api.get("/v1/sessions?limit=10").expect(200).json();
        while (true) {
            page.get("data").forEach(s -> seen.add(s.get("id").asText()));
            if (!page.get("has_more").asBoolean()) {
                break;
            }
            page = api.get("/v1/sessions?limit=10&cursor="
                            + page.get("next_cursor").asText())
                    .expect(200)
                    .json();
        }
        paging.set(false);
        writer.join();

        assertThat(createdMeanwhile.get()).as("sessions created while paging").isGreaterThan(0);
        assertThat(seen).doesNotHaveDuplicates();
        assertThat(seen).containsAll(existing);
        assertThat(seen.stream().filter(existing::contains).toList()).containsExactlyElementsOf(existing);
    }
}
