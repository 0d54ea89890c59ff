package com.nusomi.recorder.recorder.input;

import com.github.kwhat.jnativehook.NativeHookException;
import com.github.kwhat.jnativehook.keyboard.NativeKeyListener;
import com.github.kwhat.jnativehook.mouse.NativeMouseListener;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The process's global mouse and keyboard hook, kept for the life of the app: registered when the first
 * recording asks for it, with an event dispatcher of ours ({@link KeptDispatcher}), and unregistered only by
 * {@link #close()} at app exit. Recordings only add and remove their listeners ({@link NativeHookInputSource}), so
 * rebuilding the recorder (a connection switch) or stopping a recording leaves the hook alone.
 *
 * <p>{@link #failure()} says when the hook stopped working (its native thread ended, or someone else swapped its
 * dispatcher); {@link #restart()} registers it again. Thread-safe.
 */
public final class GlobalInputHook implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GlobalInputHook.class);
    private static GlobalInputHook system;

    private final NativeHookApi api;
    private KeptDispatcher dispatcher;
    private boolean registered;
    private String refused;
    private int registrations;

    /** A hook over this API (tests give a fake; the app uses {@link #system()}). */
    public GlobalInputHook(NativeHookApi api) {
        this.api = Objects.requireNonNull(api, "api");
    }

    /** The one hook over jnativehook's process-wide {@code GlobalScreen}; nothing is loaded until it is used. */
    public static synchronized GlobalInputHook system() {
        if (system == null) {
            system = new GlobalInputHook(NativeHookApi.globalScreen());
        }
        return system;
    }

    /** Why global hooks cannot work in this process at all (headless, no display), or null. */
    public String unavailableReason() {
        return api.unavailableReason();
    }

    /** Registers the hook unless it is registered and working already. */
    public synchronized void ensureRegistered() throws NativeHookException {
        if (registered && failure() == null) {
            return;
        }
        register();
    }

    /** Registers the hook again (unregistering it first where its thread still runs) and installs our dispatcher. */
    public synchronized void restart() throws NativeHookException {
        if (registered && api.isRegistered()) {
            try {
                api.unregister();
            } catch (NativeHookException | RuntimeException e) {
                LOG.debug("unregistering the input hook before registering it again: {}", e.toString());
            }
        }
        register();
    }

    private void register() throws NativeHookException {
        if (dispatcher == null || dispatcher.closed()) {
            dispatcher = new KeptDispatcher();
        }
        try {
            if (!api.isRegistered()) {
                api.register();
            }
        } catch (NativeHookException | RuntimeException | LinkageError e) {
            refused = e.getMessage() != null ? e.getMessage() : e.toString();
            registered = false;
            throw e;
        }
        // after registering: registerNativeHook keeps whatever dispatcher it had (a dead one, in 2.2.2)
        api.setDispatcher(dispatcher);
        registered = true;
        refused = null;
        registrations++;
        LOG.info("global input hook registered (registration {})", registrations);
    }

    /**
     * Null while the hook captures (or was never asked for); else why it does not: it was refused, its native
     * thread ended, or its dispatcher is not ours any more. Cheap: the recorder asks every second.
     */
    public synchronized String failure() {
        if (refused != null) {
            return "the global input hook could not be registered: " + refused;
        }
        if (!registered) {
            return null;
        }
        if (!api.isRegistered()) {
            String why = api.hookError();
            return "the global input hook stopped" + (why != null ? ": " + why : " (its native thread ended)");
        }
        if (api.dispatcher() != dispatcher) {
            return "the global input hook's event dispatcher was replaced";
        }
        return null;
    }

    /** How many times the hook was registered since this was made (1 for a whole app run without failures). */
    public synchronized int registrations() {
        return registrations;
    }

    /** True between a successful registration and {@link #close()}, whether or not the hook still works. */
    public synchronized boolean registered() {
        return registered;
    }

    void addListeners(NativeMouseListener mouse, NativeKeyListener keys) {
        api.addListeners(mouse, keys);
    }

    void removeListeners(NativeMouseListener mouse, NativeKeyListener keys) {
        api.removeListeners(mouse, keys);
    }

    /**
     * App exit: unregisters the hook (its native thread would keep the JVM alive) and ends our dispatcher. A hook
     * that was never registered is not touched. It can be registered again afterwards.
     */
    @Override
    public synchronized void close() {
        if (registered || refused != null) {
            try {
                api.unregister();
            } catch (NativeHookException | RuntimeException | LinkageError e) {
                LOG.warn("could not unregister the global input hook: {}", e.toString());
            }
        }
        if (dispatcher != null) {
            dispatcher.close();
            dispatcher = null;
        }
        registered = false;
        refused = null;
    }
}
