package com.nusomi.recorder.recorder.input;

import com.github.kwhat.jnativehook.NativeHookException;
import com.github.kwhat.jnativehook.keyboard.NativeKeyEvent;
import com.github.kwhat.jnativehook.keyboard.NativeKeyListener;
import com.github.kwhat.jnativehook.mouse.NativeMouseEvent;
import com.github.kwhat.jnativehook.mouse.NativeMouseListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * jnativehook 2.2.2's {@code GlobalScreen} without a display, as its byte code behaves: {@link #register()} shuts
 * down the dispatcher it has (and makes one only when it has none), {@link #unregister()} and
 * {@link #setDispatcher} shut down the current one, and the hook thread hands each event to the dispatcher, where a
 * rejection is lost (printed on the hook thread in the real one). {@link #click} and {@link #type} are what the
 * native hook would see; {@link #die} ends the hook thread as a lost X connection would.
 */
public final class FakeGlobalScreen implements NativeHookApi {
    private final List<NativeMouseListener> mice = new CopyOnWriteArrayList<>();
    private final List<NativeKeyListener> keyboards = new CopyOnWriteArrayList<>();
    private final AtomicInteger registerCalls = new AtomicInteger();
    private final AtomicInteger unregisterCalls = new AtomicInteger();
    private final AtomicInteger rejected = new AtomicInteger();
    private volatile ExecutorService dispatcher;
    private volatile boolean hookAlive;
    private volatile String hookError;
    private volatile String refusal;
    private volatile String unavailable;

    @Override
    public String unavailableReason() {
        return unavailable;
    }

    /** As on a machine without a display. */
    public void unavailable(String reason) {
        unavailable = reason;
    }

    /** Registrations fail with this message (as when permission is denied) until called with null. */
    public void refuse(String message) {
        refusal = message;
    }

    @Override
    public synchronized void register() throws NativeHookException {
        ExecutorService d = dispatcher;
        if (d != null) {
            if (!d.isShutdown()) {
                d.shutdown();
            }
            try {
                // the real one spins on Thread.yield() until it is terminated
                if (!d.awaitTermination(5, TimeUnit.SECONDS)) {
                    throw new AssertionError("registerNativeHook would spin for ever on " + d);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        } else {
            dispatcher = defaultDispatcher();
        }
        registerCalls.incrementAndGet();
        if (refusal != null) {
            throw new NativeHookException(refusal);
        }
        hookError = null;
        hookAlive = true;
    }

    @Override
    public synchronized void unregister() {
        unregisterCalls.incrementAndGet();
        if (hookAlive) {
            hookAlive = false;
            dispatcher.shutdown();
        }
    }

    @Override
    public boolean isRegistered() {
        return hookAlive;
    }

    @Override
    public String hookError() {
        return hookError;
    }

    /** The native hook thread ends by itself (its X connection went away). */
    public void die(String error) {
        hookError = error;
        hookAlive = false;
    }

    @Override
    public synchronized void setDispatcher(ExecutorService d) {
        if (dispatcher != null) {
            dispatcher.shutdown();
        }
        dispatcher = d;
    }

    @Override
    public ExecutorService dispatcher() {
        return dispatcher;
    }

    @Override
    public void addListeners(NativeMouseListener mouse, NativeKeyListener keys) {
        mice.add(mouse);
        keyboards.add(keys);
    }

    @Override
    public void removeListeners(NativeMouseListener mouse, NativeKeyListener keys) {
        mice.remove(mouse);
        keyboards.remove(keys);
    }

    /** A button press, as the hook thread dispatches it; false if it was lost (no hook, or rejected). */
    public boolean click(int x, int y, int button) {
        NativeMouseEvent e = new NativeMouseEvent(NativeMouseEvent.NATIVE_MOUSE_PRESSED, 0, x, y, 1, button);
        return dispatch(() -> mice.forEach(l -> l.nativeMousePressed(e)));
    }

    /** A key press and the character it typed. */
    public boolean type(char c) {
        NativeKeyEvent pressed = new NativeKeyEvent(
                NativeKeyEvent.NATIVE_KEY_PRESSED, 0, 0, NativeKeyEvent.VC_A, NativeKeyEvent.CHAR_UNDEFINED);
        NativeKeyEvent typed =
                new NativeKeyEvent(NativeKeyEvent.NATIVE_KEY_TYPED, 0, 0, NativeKeyEvent.VC_UNDEFINED, c);
        return dispatch(() -> {
            keyboards.forEach(l -> l.nativeKeyPressed(pressed));
            keyboards.forEach(l -> l.nativeKeyTyped(typed));
        });
    }

    private boolean dispatch(Runnable task) {
        ExecutorService d = dispatcher;
        if (!hookAlive || d == null) {
            return false;
        }
        try {
            d.execute(task);
            return true;
        } catch (RejectedExecutionException e) {
            rejected.incrementAndGet();
            return false;
        }
    }

    public int registerCalls() {
        return registerCalls.get();
    }

    public int unregisterCalls() {
        return unregisterCalls.get();
    }

    /** Events the dispatcher rejected (the RejectedExecutionException on the hook thread). */
    public int rejected() {
        return rejected.get();
    }

    public int listeners() {
        return mice.size();
    }

    private static ExecutorService defaultDispatcher() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "JNativeHook Dispatch Thread");
            t.setDaemon(true);
            return t;
        });
    }
}
