package com.nusomi.recorder.cli;

import com.nusomi.recorder.client.Page;
import com.nusomi.recorder.client.SessionsClient;
import com.nusomi.recorder.client.model.ActorKind;
import com.nusomi.recorder.client.model.Outcome;
import com.nusomi.recorder.client.model.Session;
import com.nusomi.recorder.client.model.SessionStatus;
import com.nusomi.recorder.client.request.SessionQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sessions list}: every filter of the contract; one page, or {@code --all} of them. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List sessions, newest first.")
final class SessionsList extends SessionsSubcommand {
    @Option(names = "--workflow", paramLabel = "SLUG", description = "repeatable (OR)")
    List<String> workflows = new ArrayList<>();

    @Option(names = "--status", paramLabel = "STATUS", description = "created, recording, stopped, sealed; repeatable")
    List<SessionStatus> statuses = new ArrayList<>();

    @Option(names = "--outcome", paramLabel = "OUTCOME", description = "success, error, abandoned; repeatable")
    List<Outcome> outcomes = new ArrayList<>();

    @Option(names = "--actor-kind", paramLabel = "KIND", description = "human, model, script; repeatable")
    List<ActorKind> actorKinds = new ArrayList<>();

    @Option(names = "--since", paramLabel = "WHEN", description = "an RFC 3339 time or a duration ago: 30m, 24h, 7d")
    String since;

    @Option(names = "--until", paramLabel = "TIME", description = "an RFC 3339 time (exclusive)")
    Instant until;

    @Option(names = "--tag", paramLabel = "NAME", description = "sessions carrying this tag; repeatable (AND)")
    List<String> tags = new ArrayList<>();

    @Option(
            names = "--not-tag",
            paramLabel = "NAME",
            description = "sessions carrying no tag of this name; repeatable (none of them)")
    List<String> notTags = new ArrayList<>();

    @Option(names = "--deleted", description = "list the trash instead (admin scope)")
    boolean deleted;

    @Option(names = "--limit", paramLabel = "N", description = "page size, 1-500 (default 100)")
    Integer limit;

    @Option(names = "--cursor", paramLabel = "CURSOR", description = "next_cursor of a previous page")
    String cursor;

    @Option(names = "--all", description = "page through every matching session")
    boolean all;

    @Override
    int run(SessionsClient client) {
        SessionQuery query = SessionQuery.builder()
                .workflows(workflows)
                .statuses(statuses)
                .outcomes(outcomes)
                .actorKinds(actorKinds)
                .sinceRaw(since)
                .until(until)
                .tags(tags)
                .notTags(notTags)
                .deletedOnly(deleted)
                .limit(limit)
                .cursor(cursor)
                .build();
        List<Session> rows = new ArrayList<>();
        Page<Session> page;
        int pages = 0;
        do {
            page = client.sessions().list(query).execute();
            rows.addAll(page.data());
            pages++;
            query = query.withCursor(page.nextCursor());
            if (all && page.hasMore() && pages % 10 == 0) {
                err().println("… " + rows.size() + " sessions so far");
                err().flush();
            }
        } while (all && page.hasMore());
        if (json) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("data", rows);
            out.put("next_cursor", all ? null : page.nextCursor());
            out.put("has_more", !all && page.hasMore());
            printJson(out);
        } else {
            printTable(rows);
            if (!all && page.hasMore()) {
                err().println("more: --cursor " + page.nextCursor() + "  (or --all)");
                err().flush();
            }
        }
        return 0;
    }
}
