package com.nusomi.recorder.cli;

import com.nusomi.recorder.client.Include;
import com.nusomi.recorder.client.SessionsClient;
import com.nusomi.recorder.client.model.Session;
import com.nusomi.recorder.client.model.Tag;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sessions get ID}: one session, optionally with its tags, events and frames summary. */
@Command(name = "get", mixinStandardHelpOptions = true, description = "Show one session.")
final class SessionsGet extends SessionsSubcommand {
    @Parameters(paramLabel = "ID")
    String id;

    @Option(names = "--include", split = ",", paramLabel = "WHAT", description = "events, tags, frames_summary")
    List<String> include = new ArrayList<>();

    @Override
    int run(SessionsClient client) {
        List<Include> includes = new ArrayList<>();
        for (String name : include) {
            Include match = null;
            for (Include i : Include.values()) {
                if (i.wireValue().equals(name)) {
                    match = i;
                }
            }
            if (match == null) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(), "--include takes events, tags, frames_summary; not '" + name + "'");
            }
            includes.add(match);
        }
        Session s = client.sessions().get(id, includes.toArray(Include[]::new)).execute();
        if (json) {
            printJson(s);
            return 0;
        }
        var out = out();
        out.printf("id          %s%n", s.id());
        out.printf("workflow    %s%n", s.workflow());
        out.printf("status      %s%n", s.status().wireValue());
        out.printf("outcome     %s%n", s.outcome() == null ? "-" : s.outcome().wireValue());
        out.printf(
                "actor       %s%n",
                s.actor() == null
                        ? "-"
                        : s.actor().id() + " (" + s.actor().kind().wireValue() + ")");
        out.printf("created     %s%n", time(s.createdAt()));
        out.printf("started     %s%n", time(s.startedAt()));
        out.printf("stopped     %s%n", time(s.stoppedAt()));
        out.printf("duration    %s%n", duration(s.recordedMs()));
        if (s.pausedMs() > 0) {
            out.printf("paused      %s (wall time %s)%n", duration(s.pausedMs()), duration(s.durationMs()));
        }
        out.printf("frames      %d%n", s.frameCount());
        out.printf("events      %d%n", s.eventCount());
        out.printf("metadata    %s%n", s.metadata());
        if (includes.contains(Include.TAGS)) {
            out.printf("tags        %d%n", s.tags().size());
            for (Tag t : s.tags()) {
                out.printf(
                        "  %-28s %10s  %s%n",
                        t.name(), t.offsetMs() == null ? "-" : "+" + duration(t.offsetMs()), t.data());
            }
        }
        if (includes.contains(Include.EVENTS)) {
            out.printf("events      %d shown%s%n", s.events().size(), s.eventsTruncated() ? " (truncated)" : "");
        }
        if (s.framesSummary() != null) {
            out.printf(
                    "frames sum  %d frames, %d bytes%n",
                    s.framesSummary().count(), s.framesSummary().totalBytes());
        }
        out.flush();
        return 0;
    }
}
