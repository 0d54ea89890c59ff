package com.nusomi.recorder.ui.record;

import com.nusomi.recorder.recorder.ServerBacklog;
import java.util.List;
import java.util.stream.Collectors;

/** Says what waits on disk for servers other than the current one: one line per server. */
final class BacklogText {
    private BacklogText() {}

    static String of(List<ServerBacklog> backlog) {
        return backlog.stream().map(BacklogText::line).collect(Collectors.joining("\n"));
    }

    private static String line(ServerBacklog b) {
        return b.entries() + (b.entries() == 1 ? " entry" : " entries") + " waiting for " + b.serverLabel() + " ("
                + b.sessions() + (b.sessions() == 1 ? " session" : " sessions")
                + "): sent when the app is connected to that server again.";
    }
}
