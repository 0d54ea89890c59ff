package com.nusomi.recorder.recorder.input;

import com.github.kwhat.jnativehook.NativeHookException;
import com.github.kwhat.jnativehook.keyboard.NativeKeyEvent;
import com.github.kwhat.jnativehook.keyboard.NativeKeyListener;
import com.github.kwhat.jnativehook.mouse.NativeMouseEvent;
import com.github.kwhat.jnativehook.mouse.NativeMouseListener;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Global mouse and keyboard input through jnativehook 2.2.2, on the app's {@link GlobalInputHook}: {@link #start}
 * registers that hook if it is not yet (it then stays registered until the app exits) and adds this source's
 * listeners; {@link #stop} removes them only. On X11 jnativehook's {@code BUTTON2} is the right button and
 * {@code BUTTON3} the middle one. Unavailable when AWT is headless, when there is no {@code DISPLAY} on Linux, or
 * when the native library cannot be loaded; a refused registration can be retried ({@link #restart}).
 */
public final class NativeHookInputSource implements InputSource {
    private final GlobalInputHook hook;
    private NativeMouseListener mouse;
    private NativeKeyListener keys;

    /** On the process's one hook, {@link GlobalInputHook#system()}. */
    public NativeHookInputSource() {
        this(GlobalInputHook.system());
    }

    public NativeHookInputSource(GlobalInputHook hook) {
        this.hook = Objects.requireNonNull(hook, "hook");
    }

    /** The hook this source listens to. */
    public GlobalInputHook hook() {
        return hook;
    }

    @Override
    public synchronized void start(InputListener listener) throws InputUnavailableException {
        String unavailable = hook.unavailableReason();
        if (unavailable != null) {
            throw new InputUnavailableException("no global input capture: " + unavailable, null);
        }
        removeListeners();
        mouse = new NativeMouseListener() {
            @Override
            public void nativeMousePressed(NativeMouseEvent e) {
                listener.onClick(e.getX(), e.getY(), button(e.getButton()));
            }
        };
        keys = new NativeKeyListener() {
            @Override
            public void nativeKeyPressed(NativeKeyEvent e) {
                listener.onKeyPressed(isModifier(e.getKeyCode()), modifiers(e.getModifiers()));
            }

            @Override
            public void nativeKeyTyped(NativeKeyEvent e) {
                char c = e.getKeyChar();
                if (c != NativeKeyEvent.CHAR_UNDEFINED) {
                    listener.onKeyTyped(c);
                }
            }
        };
        try {
            hook.addListeners(mouse, keys);
            hook.ensureRegistered();
        } catch (NativeHookException e) {
            // listeners stay: a restart that succeeds feeds them
            throw new InputUnavailableException("no global input capture: " + e.getMessage(), e, true);
        } catch (LinkageError e) {
            mouse = null; // GlobalScreen cannot be used at all (native library not loadable)
            keys = null;
            throw new InputUnavailableException("no global input capture: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            removeListeners();
            throw new InputUnavailableException("no global input capture: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void stop() {
        removeListeners();
    }

    /** Null while started and the hook works; else why clicks and keys do not arrive. */
    @Override
    public synchronized String failure() {
        return mouse == null ? null : hook.failure();
    }

    @Override
    public synchronized void restart() throws InputUnavailableException {
        try {
            hook.restart();
        } catch (NativeHookException | RuntimeException e) {
            throw new InputUnavailableException(
                    "the global input hook could not be registered again: " + e.getMessage(), e, true);
        }
    }

    private void removeListeners() {
        if (mouse != null) {
            hook.removeListeners(mouse, keys);
            mouse = null;
            keys = null;
        }
    }

    static MouseButton button(int b) {
        return switch (b) {
            case NativeMouseEvent.BUTTON1 -> MouseButton.PRIMARY;
            case NativeMouseEvent.BUTTON2 -> MouseButton.SECONDARY;
            case NativeMouseEvent.BUTTON3 -> MouseButton.MIDDLE;
            default -> MouseButton.OTHER;
        };
    }

    static boolean isModifier(int keyCode) {
        return keyCode == NativeKeyEvent.VC_CONTROL
                || keyCode == NativeKeyEvent.VC_SHIFT
                || keyCode == NativeKeyEvent.VC_ALT
                || keyCode == NativeKeyEvent.VC_META;
    }

    static Set<String> modifiers(int mask) {
        Set<String> out = new LinkedHashSet<>();
        if ((mask & NativeKeyEvent.CTRL_MASK) != 0) {
            out.add("ctrl");
        }
        if ((mask & NativeKeyEvent.SHIFT_MASK) != 0) {
            out.add("shift");
        }
        if ((mask & NativeKeyEvent.ALT_MASK) != 0) {
            out.add("alt");
        }
        if ((mask & NativeKeyEvent.META_MASK) != 0) {
            out.add("meta");
        }
        return out;
    }
}
