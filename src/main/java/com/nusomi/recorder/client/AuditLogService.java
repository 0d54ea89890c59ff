package com.nusomi.recorder.client;

import com.nusomi.recorder.client.internal.Endpoints;
import com.nusomi.recorder.client.internal.Transport;
import com.nusomi.recorder.client.model.AuditLogEntry;
import com.nusomi.recorder.client.request.AuditLogQuery;

/**
 * The audit log ({@code GET /v1/audit_logs}) [ext]: who did what to which session; needs the admin scope.
 * Obtained from {@link SessionsClient#auditLogs()}.
 */
public final class AuditLogService {
    private final Transport transport;
    private final Endpoints endpoints;

    AuditLogService(Transport transport, Endpoints endpoints) {
        this.transport = transport;
        this.endpoints = endpoints;
    }

    /** Reads one page of the entries matching the query, newest first. */
    public ApiCall<Page<AuditLogEntry>> list(AuditLogQuery query) {
        return new ApiCall<>(transport, endpoints.auditLogs(query));
    }

    /** Every entry matching the query, newest first, fetched lazily page by page. */
    public PagedIterable<AuditLogEntry> listAll(AuditLogQuery query) {
        return new PagedIterable<>(
                query.cursor(), cursor -> list(query.withCursor(cursor)).execute());
    }
}
