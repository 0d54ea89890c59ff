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
    /** Copies the items (none for null). */
    public Page {
        data = data == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(data));
    }

    /** A last page without items. */
    public static <T> Page<T> empty() {
        return new Page<>(List.of(), null, false);
    }

    /** The number of items on this page. */
    public int size() {
        return data.size();
    }

    /** True if this page holds no item. */
    public boolean isEmpty() {
        return data.isEmpty();
    }
}
