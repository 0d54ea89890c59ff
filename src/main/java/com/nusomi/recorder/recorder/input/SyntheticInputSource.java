package com.nusomi.recorder.recorder.input;

import java.util.Set;

/** Input produced by code, for tests and demos: {@link #click} and {@link #type} reach the recorder directly. */
public final class SyntheticInputSource implements InputSource {
    private volatile InputListener listener;
    private final String unavailableReason;

    public SyntheticInputSource() {
        this(null);
    }

    /** A source that refuses to start with this reason (to test the recorder without input). */
    public SyntheticInputSource(String unavailableReason) {
        this.unavailableReason = unavailableReason;
    }

    @Override
    public void start(InputListener l) throws InputUnavailableException {
        if (unavailableReason != null) {
            throw new InputUnavailableException(unavailableReason, null);
        }
        this.listener = l;
    }

    @Override
    public void stop() {
        listener = null;
    }

    public boolean started() {
        return listener != null;
    }

    public void click(int x, int y, MouseButton button) {
        InputListener l = listener;
        if (l != null) {
            l.onClick(x, y, button);
        }
    }

    /** Types the text, each character a key press (with these modifiers held) followed by the character typed. */
    public void type(String text, String... modifiers) {
        InputListener l = listener;
        if (l == null) {
            return;
        }
        Set<String> mods = Set.of(modifiers);
        for (char c : text.toCharArray()) {
            l.onKeyPressed(false, mods);
            l.onKeyTyped(c);
        }
    }

    /** Presses a modifier key alone (it does not count as a key). */
    public void pressModifier(String modifier) {
        InputListener l = listener;
        if (l != null) {
            l.onKeyPressed(true, Set.of(modifier));
        }
    }
}
