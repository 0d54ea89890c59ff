package com.nusomi.recorder.recorder.input;

import java.util.Set;

/** Receives global input. Called on the input source's thread; implementations hand work off quickly. */
public interface InputListener {
    /** A mouse button went down at desktop coordinates {@code (x, y)}. */
    void onClick(int x, int y, MouseButton button);

    /**
     * A key went down. {@code modifierKey} is true for Ctrl, Shift, Alt and Meta themselves; {@code modifiers}
     * are those held ("ctrl", "shift", "alt", "meta").
     */
    void onKeyPressed(boolean modifierKey, Set<String> modifiers);

    /** The text a key press produced. Only kept when the recorder's {@code recordKeyText} option is on. */
    void onKeyTyped(char c);
}
