package com.nusomi.recorder.recorder;

import com.nusomi.recorder.recorder.spool.SpoolFolders;

/**
 * What waits on disk for a server other than the recorder's own: entries of unfinished sessions recorded for it,
 * sent when the app is connected to that server again ({@link RecorderService#waitingElsewhere()}).
 *
 * @param serverLabel how the server is named to the user (its URL)
 * @param sessions unfinished sessions with entries waiting
 * @param entries entries waiting, all those sessions together
 */
public record ServerBacklog(String serverLabel, int sessions, int entries) {

    static ServerBacklog of(SpoolFolders.Backlog b) {
        return new ServerBacklog(b.serverLabel(), b.sessions(), b.entries());
    }
}
