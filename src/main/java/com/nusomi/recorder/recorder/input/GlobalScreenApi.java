package com.nusomi.recorder.recorder.input;

import com.github.kwhat.jnativehook.GlobalScreen;
import com.github.kwhat.jnativehook.NativeHookException;
import com.github.kwhat.jnativehook.keyboard.NativeKeyListener;
import com.github.kwhat.jnativehook.mouse.NativeMouseListener;
import java.awt.GraphicsEnvironment;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.logging.Level;
import java.util.logging.Logger;

/** {@link NativeHookApi} over jnativehook 2.2.2's static {@link GlobalScreen}. */
final class GlobalScreenApi implements NativeHookApi {
    static final GlobalScreenApi INSTANCE = new GlobalScreenApi();

    private GlobalScreenApi() {}

    @Override
    public String unavailableReason() {
        if (GraphicsEnvironment.isHeadless()) {
            return "Java runs headless";
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String display = System.getenv("DISPLAY");
        if (os.contains("linux") && (display == null || display.isBlank())) {
            return "no X11 DISPLAY";
        }
        return null;
    }

    @Override
    public void register() throws NativeHookException {
        Logger log = Logger.getLogger(GlobalScreen.class.getPackage().getName());
        log.setLevel(Level.WARNING);
        log.setUseParentHandlers(false);
        GlobalScreen.registerNativeHook();
    }

    @Override
    public void unregister() throws NativeHookException {
        GlobalScreen.unregisterNativeHook();
    }

    @Override
    public boolean isRegistered() {
        return GlobalScreen.isNativeHookRegistered();
    }

    @Override
    public String hookError() {
        return Peek.hookError();
    }

    @Override
    public void setDispatcher(ExecutorService dispatcher) {
        GlobalScreen.setEventDispatcher(dispatcher);
    }

    @Override
    public ExecutorService dispatcher() {
        return Peek.dispatcher();
    }

    @Override
    public void addListeners(NativeMouseListener mouse, NativeKeyListener keys) {
        GlobalScreen.addNativeMouseListener(mouse);
        GlobalScreen.addNativeKeyListener(keys);
    }

    @Override
    public void removeListeners(NativeMouseListener mouse, NativeKeyListener keys) {
        GlobalScreen.removeNativeMouseListener(mouse);
        GlobalScreen.removeNativeKeyListener(keys);
    }

    /** Reads what {@code GlobalScreen} keeps protected: its dispatcher and its hook thread's error. */
    private static final class Peek extends GlobalScreen {
        private Peek() {}

        static ExecutorService dispatcher() {
            return eventExecutor;
        }

        static String hookError() {
            NativeHookThread t = hookThread;
            NativeHookException e = t == null ? null : t.getException();
            return e == null ? null : e.getMessage();
        }
    }
}
