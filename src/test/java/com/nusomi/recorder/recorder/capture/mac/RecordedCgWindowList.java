package com.nusomi.recorder.recorder.capture.mac;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * Replays what {@code CGWindowListCopyWindowInfo} answered (its dictionaries as JSON objects under the same keys,
 * front to back), for tests of {@link MacWindowLocator}.
 */
final class RecordedCgWindowList implements CgWindowList {
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Dump(List<Map<String, Object>> windows) {}

    private final List<Map<String, Object>> windows;
    boolean closed;

    RecordedCgWindowList(List<Map<String, Object>> windows) {
        this.windows = windows;
    }

    static RecordedCgWindowList fromResource(String name) {
        try (InputStream in = RecordedCgWindowList.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new RecordedCgWindowList(
                    new ObjectMapper().readValue(in, Dump.class).windows());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public List<Map<String, Object>> onScreenWindows() {
        return windows;
    }

    @Override
    public void close() {
        closed = true;
    }
}
