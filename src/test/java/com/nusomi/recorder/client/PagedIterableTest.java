package com.nusomi.recorder.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The auto-pager's own logic: lazy, follows cursors, stops exactly when has_more is false. */
class PagedIterableTest {
    private final List<String> fetchedCursors = new ArrayList<>();

    private Page<Integer> fetch(String cursor) {
        fetchedCursors.add(cursor);
        if (cursor == null) {
            return new Page<>(List.of(1, 2), "c2", true);
        }
        if (cursor.equals("c2")) {
            return new Page<>(List.of(), "c3", true); // an empty page in the middle must not end paging
        }
        return new Page<>(List.of(3), null, false);
    }

    @Test
    void fetchesNothingUntilIterated() {
        PagedIterable<Integer> all = new PagedIterable<>(null, this::fetch);
        Iterator<Integer> it = all.iterator();

        assertThat(fetchedCursors).isEmpty();
        assertThat(it.next()).isEqualTo(1);
        assertThat(fetchedCursors).containsExactly((String) null);
    }

    @Test
    void followsCursorsAndStopsWhenHasMoreIsFalse() {
        PagedIterable<Integer> all = new PagedIterable<>(null, this::fetch);

        assertThat(all.stream().collect(Collectors.toList())).containsExactly(1, 2, 3);
        assertThat(fetchedCursors).containsExactly(null, "c2", "c3");
    }

    @Test
    void streamIsLazyToo() {
        PagedIterable<Integer> all = new PagedIterable<>(null, this::fetch);

        assertThat(all.stream().limit(2).collect(Collectors.toList())).containsExactly(1, 2);
        assertThat(fetchedCursors).containsExactly((String) null);
    }

    @Test
    void refusesHasMoreWithoutCursor() {
        PagedIterable<Integer> broken = new PagedIterable<>(null, c -> new Page<>(List.of(1), null, true));

        assertThatThrownBy(() -> broken.stream().count()).isInstanceOf(IllegalStateException.class);
    }
}
