package com.nusomi.recorder.client;

import com.nusomi.recorder.client.internal.Endpoints;
import com.nusomi.recorder.client.internal.Transport;
import com.nusomi.recorder.client.model.AppendEventsResult;
import com.nusomi.recorder.client.model.Event;
import com.nusomi.recorder.client.request.EventInput;
import com.nusomi.recorder.client.request.EventQuery;
import java.util.List;

/**
 * The events of a session ({@code /v1/sessions/{id}/events}) [ext]: append a batch while recording, list them.
 * Obtained from {@link SessionsClient#events()}. Each operation returns an {@link ApiCall} that nothing sends until
 * it is executed; {@link #listAll} returns an auto-paging iterable.
 */
public final class EventService {
    private final Transport transport;
    private final Endpoints endpoints;

    EventService(Transport transport, Endpoints endpoints) {
        this.transport = transport;
        this.endpoints = endpoints;
    }

    /**
     * Appends 1–500 events while the session is recording ({@code POST .../events}); events already stored (by
     * their client-chosen ids) count as duplicates.
     */
    public ApiCall<AppendEventsResult> append(String sessionId, List<EventInput> events) {
        return new ApiCall<>(transport, endpoints.appendEvents(sessionId, events));
    }

    /** Reads one page of a session's events matching the query, by time ({@code GET .../events}). */
    public ApiCall<Page<Event>> list(String sessionId, EventQuery query) {
        return new ApiCall<>(transport, endpoints.listEvents(sessionId, query));
    }

    /** Reads the first page of a session's events, of the server's default size. */
    public ApiCall<Page<Event>> list(String sessionId) {
        return list(sessionId, EventQuery.all());
    }

    /** Every event of a session matching the query, by time, fetched lazily page by page. */
    public PagedIterable<Event> listAll(String sessionId, EventQuery query) {
        return new PagedIterable<>(
                query.cursor(),
                cursor -> list(sessionId, query.withCursor(cursor)).execute());
    }

    /** Every event of a session, by time, fetched lazily page by page. */
    public PagedIterable<Event> listAll(String sessionId) {
        return listAll(sessionId, EventQuery.all());
    }
}
