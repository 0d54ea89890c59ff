package com.nusomi.recorder.client;

import java.util.Collections;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Every item of a list, fetched a page at a time as iteration reaches it. Nothing is fetched before the
 * first {@code hasNext()}; fetching stops exactly at the page whose {@code has_more} is false. Each
 * {@link #iterator()} or {@link #stream()} starts again from the first page. Errors surface as
 * {@link com.nusomi.recorder.client.exception.ApiException}s from {@code hasNext()}/{@code next()}.
 */
public final class PagedIterable<T> implements Iterable<T> {
    private final String firstCursor;
    private final Function<String, Page<T>> fetch;

    /**
     * @param firstCursor cursor of the first page (null to start at the beginning)
     * @param fetch fetches the page at a cursor
     */
    public PagedIterable(String firstCursor, Function<String, Page<T>> fetch) {
        this.firstCursor = firstCursor;
        this.fetch = fetch;
    }

    @Override
    public Iterator<T> iterator() {
        Iterator<Page<T>> pages = pages().iterator();
        return new Iterator<>() {
            private Iterator<T> current = Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!current.hasNext()) {
                    if (!pages.hasNext()) {
                        return false;
                    }
                    current = pages.next().data().iterator();
                }
                return true;
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }
        };
    }

    /** The pages themselves, fetched lazily. */
    public Iterable<Page<T>> pages() {
        return () -> new Iterator<>() {
            private Page<T> last;
            private boolean started;

            @Override
            public boolean hasNext() {
                return !started || last.hasMore();
            }

            @Override
            public Page<T> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                String cursor = started ? last.nextCursor() : firstCursor;
                if (started && cursor == null) {
                    throw new IllegalStateException("the server said has_more but sent no next_cursor");
                }
                last = fetch.apply(cursor);
                started = true;
                return last;
            }
        };
    }

    /** A sequential stream over every item; pages are fetched as the stream is consumed. */
    public Stream<T> stream() {
        return StreamSupport.stream(
                Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL), false);
    }
}
