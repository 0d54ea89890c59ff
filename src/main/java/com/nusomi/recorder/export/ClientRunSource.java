package com.nusomi.recorder.export;

import com.nusomi.recorder.client.Include;
import com.nusomi.recorder.client.SessionsClient;
import com.nusomi.recorder.client.exception.ApiException;
import com.nusomi.recorder.client.model.AuditLogEntry;
import com.nusomi.recorder.client.model.Event;
import com.nusomi.recorder.client.model.Frame;
import com.nusomi.recorder.client.model.FrameImage;
import com.nusomi.recorder.client.model.Session;
import com.nusomi.recorder.client.request.AuditLogQuery;
import com.nusomi.recorder.client.request.EventQuery;
import com.nusomi.recorder.client.request.PageRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A run read through the API client, page by page. */
public final class ClientRunSource implements RunSource {
    private static final int PAGE = 500;

    private final SessionsClient client;
    private final Session session;

    private ClientRunSource(SessionsClient client, Session session) {
        this.client = client;
        this.session = session;
    }

    /** Reads the session {@code id} (with its tags and frames summary) now; events, frames and audit entries as they are walked. */
    public static ClientRunSource open(SessionsClient client, String id) {
        return new ClientRunSource(
                client,
                client.sessions().get(id, Include.TAGS, Include.FRAMES_SUMMARY).execute());
    }

    @Override
    public Session session() {
        return session;
    }

    @Override
    public Iterable<Event> events() {
        return client.events().listAll(session.id(), EventQuery.all().withLimit(PAGE));
    }

    @Override
    public Iterable<Frame> frames() {
        return client.frames().listAll(session.id(), PageRequest.ofLimit(PAGE));
    }

    @Override
    public FrameImage image(Frame frame) {
        return client.frames().get(session.id(), frame.seq()).execute();
    }

    @Override
    public Iterable<AuditLogEntry> auditEntries() {
        try {
            List<AuditLogEntry> newestFirst = new ArrayList<>();
            client.auditLogs().listAll(AuditLogQuery.forSession(session.id())).forEach(newestFirst::add);
            Collections.reverse(newestFirst);
            return newestFirst;
        } catch (ApiException e) {
            if (e.httpStatus() == 403) {
                return List.of();
            }
            throw e;
        }
    }
}
