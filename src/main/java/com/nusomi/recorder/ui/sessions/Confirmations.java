package com.nusomi.recorder.ui.sessions;

/**
 * Questions the Sessions screen asks before it does something large or final. The view answers them with
 * dialogs; tests answer them directly. Called on the UI thread.
 */
public interface Confirmations {

    /** Stop these {@code count} sessions that have been recording for longer than {@code hours} hours? */
    boolean stopAbandoned(int count, int hours);

    /** Delete {@code count} sessions for good? (The user types the number to confirm.) */
    boolean deletePermanently(int count);

    /** Says yes to everything. */
    Confirmations YES = new Confirmations() {
        @Override
        public boolean stopAbandoned(int count, int hours) {
            return true;
        }

        @Override
        public boolean deletePermanently(int count) {
            return true;
        }
    };
}
