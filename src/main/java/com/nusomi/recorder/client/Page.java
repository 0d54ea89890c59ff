package com.nusomi.recorder.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One page of a list: the items, and the cursor of the next page. {@code nextCursor} is null exactly when
 * {@code hasMore} is false.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Page<T>(List<T> data, String nextCursor, boolean hasMore) {
    public Page {
        data = data == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(data));
    }

    public static <T> Page<T> empty() {
        return new Page<>(List.of(), null, false);
    }

    public int size() {
        return data.size();
    }

    public boolean isEmpty() {
        return data.isEmpty();
    }
}
