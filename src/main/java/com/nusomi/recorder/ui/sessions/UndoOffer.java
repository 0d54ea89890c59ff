package com.nusomi.recorder.ui.sessions;

import com.nusomi.recorder.ui.common.Debouncer;
import com.nusomi.recorder.ui.sessions.SessionActions.Undo;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The undo of the last soft delete, on offer until its timer runs out, it is taken or dismissed, or another delete
 * takes its place.
 */
final class UndoOffer {

    private final Debouncer timer;
    private final ReadOnlyObjectWrapper<Undo> offered = new ReadOnlyObjectWrapper<>();

    /** Withdraws an offer when {@code timer} runs out. */
    UndoOffer(Debouncer timer) {
        this.timer = timer;
    }

    /** Offers to undo the deletion of {@code ids}, {@code message} saying what was deleted. */
    // identity on purpose: only this very offer, not an equal later one, is withdrawn
    @SuppressWarnings("ReferenceEquality")
    void offer(List<String> ids, String message) {
        Undo u = new Undo(ids, message);
        offered.set(u);
        timer.trigger(() -> {
            if (offered.get() == u) {
                offered.set(null);
            }
        });
    }

    /** Takes the offer: what it would restore, or null when nothing is on offer. */
    Undo take() {
        Undo u = offered.get();
        if (u != null) {
            withdraw();
        }
        return u;
    }

    /** Nothing on offer any more. */
    void withdraw() {
        offered.set(null);
        timer.cancel();
    }

    ReadOnlyObjectProperty<Undo> offeredProperty() {
        return offered.getReadOnlyProperty();
    }
}
