package com.nusomi.recorder.ui.sessions;

import com.nusomi.recorder.client.model.Session;
import com.nusomi.recorder.ui.common.Verdict;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Questions the Sessions screen asks before it does something large or final. The view answers them with
 * dialogs; tests answer them directly. Called on the UI thread.
 */
public interface Confirmations {

    /** How to stop these sessions chosen in the list: the verdict to record, or empty to stop none. */
    Optional<Verdict> stopSelected(List<Session> sessions);

    /**
     * Which of these sessions, found recording for longer than {@code age}, to stop: the ids the user keeps ticked
     * (none stops none).
     */
    List<String> stopAbandoned(List<Session> found, Duration age);

    /** Delete these sessions for good? (The user types what {@link #deleteWord} names.) */
    boolean deletePermanently(List<Session> sessions);

    /**
     * What the user types to delete {@code sessions} for good: the workflow they all share (or, for one session, its
     * id), else "delete N sessions".
     */
    static String deleteWord(List<Session> sessions) {
        List<String> workflows =
                sessions.stream().map(Session::workflow).distinct().toList();
        return workflows.size() == 1 ? workflows.get(0) : "delete " + sessions.size() + " sessions";
    }

    /** Whether {@code typed} confirms deleting {@code sessions}: {@link #deleteWord}, or the id of the only one. */
    static boolean deleteConfirmed(List<Session> sessions, String typed) {
        String t = typed == null ? "" : typed.strip();
        return t.equals(deleteWord(sessions))
                || (sessions.size() == 1 && t.equals(sessions.get(0).id()));
    }

    /** Says yes to everything: stops with no verdict (the server decides), every session found, deletes. */
    Confirmations YES = new Confirmations() {
        @Override
        public Optional<Verdict> stopSelected(List<Session> sessions) {
            return Optional.of(Verdict.SERVER_DECIDES);
        }

        @Override
        public List<String> stopAbandoned(List<Session> found, Duration age) {
            return found.stream().map(Session::id).toList();
        }

        @Override
        public boolean deletePermanently(List<Session> sessions) {
            return true;
        }
    };
}
