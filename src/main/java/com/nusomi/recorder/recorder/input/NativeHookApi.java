package com.nusomi.recorder.recorder.input;

import com.github.kwhat.jnativehook.NativeHookException;
import com.github.kwhat.jnativehook.keyboard.NativeKeyListener;
import com.github.kwhat.jnativehook.mouse.NativeMouseListener;
import java.util.concurrent.ExecutorService;

/**
 * The few process-wide calls of jnativehook's {@code GlobalScreen} that {@link GlobalInputHook} makes, behind an
 * interface so that the hook's lifecycle can be tested without a display (tests give a fake that behaves as
 * jnativehook 2.2.2 does). {@link #globalScreen()} is the real one.
 */
public interface NativeHookApi {

    /** The real {@code GlobalScreen}; its class (and the native library) is loaded on first use, not here. */
    static NativeHookApi globalScreen() {
        return GlobalScreenApi.INSTANCE;
    }

    /** Why global hooks cannot work in this process at all (headless, no X11 display), or null. */
    String unavailableReason();

    /** {@code GlobalScreen.registerNativeHook()}: starts the native hook thread. */
    void register() throws NativeHookException;

    /** {@code GlobalScreen.unregisterNativeHook()}: stops the native hook thread. */
    void unregister() throws NativeHookException;

    /** {@code GlobalScreen.isNativeHookRegistered()}: false once the native hook thread has ended. */
    boolean isRegistered();

    /** Why the native hook thread ended, when it ended with an error; else null. */
    String hookError();

    /** {@code GlobalScreen.setEventDispatcher}: the executor the hook thread hands every event to. */
    void setDispatcher(ExecutorService dispatcher);

    /** The executor the hook thread hands events to now (null before the first registration). */
    ExecutorService dispatcher();

    void addListeners(NativeMouseListener mouse, NativeKeyListener keys);

    void removeListeners(NativeMouseListener mouse, NativeKeyListener keys);
}
