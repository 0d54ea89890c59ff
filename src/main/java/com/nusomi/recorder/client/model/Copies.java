package com.nusomi.recorder.client.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Defensive, null-tolerant copies for the records of this package. */
final class Copies {
    private Copies() {}

    static Map<String, Object> map(Map<String, Object> in) {
        // JSON objects may hold null values, which Map.copyOf rejects.
        return in == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(in));
    }

    static <T> List<T> list(List<T> in) {
        return in == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(in));
    }
}
