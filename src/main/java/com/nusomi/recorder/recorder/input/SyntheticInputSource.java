package com.nusomi.recorder.recorder.input;

import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Input produced by code, for tests and demos: {@link #click} and {@link #type} reach the recorder directly.
 * {@link #loseInput} acts as a global hook that stopped: nothing arrives and {@link #failure()} says why until
 * {@link #restart()}.
 */
public final class SyntheticInputSource implements InputSource {
    private volatile InputListener listener;
    private final String unavailableReason;
    private volatile String lost;
    private volatile String restartRefusal;
    private final AtomicInteger restarts = new AtomicInteger();

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

    /** From now on nothing arrives, as when the hook's thread ends; {@link #failure()} gives this reason. */
    public void loseInput(String reason) {
        lost = reason;
    }

    /** Makes the next restarts fail with this reason (null: they work again). */
    public void refuseRestart(String reason) {
        restartRefusal = reason;
    }

    /** How many times {@link #restart()} was asked. */
    public int restarts() {
        return restarts.get();
    }

    @Override
    public String failure() {
        return listener == null ? null : lost;
    }

    @Override
    public void restart() throws InputUnavailableException {
        restarts.incrementAndGet();
        String refusal = restartRefusal;
        if (refusal != null) {
            throw new InputUnavailableException(refusal, null, true);
        }
        lost = null;
    }

    public void click(int x, int y, MouseButton button) {
        InputListener l = receiving();
        if (l != null) {
            l.onClick(x, y, button);
        }
    }

    /** Types the text, each character a key press (with these modifiers held) followed by the character typed. */
    public void type(String text, String... modifiers) {
        InputListener l = receiving();
        if (l == null) {
            return;
        }
        Set<String> mods = Set.of(modifiers);
        for (int i = 0; i < text.length(); i++) {
            l.onKeyPressed(false, mods);
            l.onKeyTyped(text.charAt(i));
        }
    }

    /** Presses a modifier key alone (it does not count as a key). */
    public void pressModifier(String modifier) {
        InputListener l = receiving();
        if (l != null) {
            l.onKeyPressed(true, Set.of(modifier));
        }
    }

    private InputListener receiving() {
        return lost != null ? null : listener;
    }
}
