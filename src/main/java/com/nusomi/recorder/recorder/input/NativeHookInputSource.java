package com.nusomi.recorder.recorder.input;

import com.github.kwhat.jnativehook.GlobalScreen;
import com.github.kwhat.jnativehook.NativeHookException;
import com.github.kwhat.jnativehook.keyboard.NativeKeyEvent;
import com.github.kwhat.jnativehook.keyboard.NativeKeyListener;
import com.github.kwhat.jnativehook.mouse.NativeMouseEvent;
import com.github.kwhat.jnativehook.mouse.NativeMouseListener;
import java.awt.GraphicsEnvironment;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Global mouse and keyboard hooks through jnativehook 2.2.2. On X11 its {@code BUTTON2} is the right button and
 * {@code BUTTON3} the middle one. Unavailable when AWT is headless, when there is no {@code DISPLAY} on Linux, or
 * when the native library cannot be loaded or the hook cannot be registered.
 */
public final class NativeHookInputSource implements InputSource {
    private NativeMouseListener mouse;
    private NativeKeyListener keys;

    @Override
    public synchronized void start(InputListener listener) throws InputUnavailableException {
        if (GraphicsEnvironment.isHeadless()) {
            throw new InputUnavailableException("no global input capture: Java runs headless", null);
        }
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        if (os.contains("linux") && (System.getenv("DISPLAY") == null || System.getenv("DISPLAY").isBlank())) {
            throw new InputUnavailableException("no global input capture: no X11 DISPLAY", null);
        }
        try {
            Logger log = Logger.getLogger(GlobalScreen.class.getPackage().getName());
            log.setLevel(Level.WARNING);
            log.setUseParentHandlers(false);
            if (!GlobalScreen.isNativeHookRegistered()) {
                GlobalScreen.registerNativeHook();
            }
        } catch (NativeHookException | LinkageError | RuntimeException e) {
            throw new InputUnavailableException("no global input capture: " + e.getMessage(), e);
        }
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
        GlobalScreen.addNativeMouseListener(mouse);
        GlobalScreen.addNativeKeyListener(keys);
    }

    @Override
    public synchronized void stop() {
        if (mouse != null) {
            GlobalScreen.removeNativeMouseListener(mouse);
            GlobalScreen.removeNativeKeyListener(keys);
            mouse = null;
            keys = null;
            try {
                GlobalScreen.unregisterNativeHook();
            } catch (NativeHookException | RuntimeException ignored) {
                // already gone
            }
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
        return keyCode == NativeKeyEvent.VC_CONTROL || keyCode == NativeKeyEvent.VC_SHIFT
                || keyCode == NativeKeyEvent.VC_ALT || keyCode == NativeKeyEvent.VC_META;
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
