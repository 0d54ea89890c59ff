package com.nusomi.recorder.recorder.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.github.kwhat.jnativehook.keyboard.NativeKeyListener;
import com.github.kwhat.jnativehook.mouse.NativeMouseEvent;
import com.github.kwhat.jnativehook.mouse.NativeMouseListener;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The global hook's lifecycle on a fake of jnativehook 2.2.2's GlobalScreen: no display needed. */
class GlobalInputHookTest {
    private final FakeGlobalScreen screen = new FakeGlobalScreen();
    private final GlobalInputHook hook = new GlobalInputHook(screen);

    @AfterEach
    void close() {
        hook.close();
    }

    /** Collects what a source delivers. */
    static final class Clicks implements InputListener {
        final List<Integer> xs = new CopyOnWriteArrayList<>();
        final AtomicInteger typed = new AtomicInteger();

        @Override
        public void onClick(int x, int y, MouseButton button) {
            xs.add(x);
        }

        @Override
        public void onKeyPressed(boolean modifierKey, Set<String> modifiers) {}

        @Override
        public void onKeyTyped(char c) {
            typed.incrementAndGet();
        }

        void awaitClick(int x) {
            await().atMost(Duration.ofSeconds(5)).until(() -> xs.contains(x));
        }
    }

    @Test
    void jnativehooksOwnDispatcherIsDeadAfterTheFirstUnregistration() throws Exception {
        // the root cause, as the fake models 2.2.2: what the old per-recording register/unregister ran into
        AtomicInteger seen = new AtomicInteger();
        NativeMouseListener mouse = new NativeMouseListener() {
            @Override
            public void nativeMousePressed(NativeMouseEvent e) {
                seen.incrementAndGet();
            }
        };
        screen.addListeners(mouse, new NativeKeyListener() {});
        screen.register();
        assertThat(screen.click(1, 1, NativeMouseEvent.BUTTON1)).isTrue();
        await().atMost(Duration.ofSeconds(5)).until(() -> seen.get() == 1);
        screen.unregister();

        screen.register();

        assertThat(screen.isRegistered()).isTrue();
        assertThat(screen.click(2, 2, NativeMouseEvent.BUTTON1)).isFalse();
        assertThat(screen.rejected()).isEqualTo(1);
        assertThat(seen).hasValue(1);
        screen.unregister();
    }

    @Test
    void theHookIsRegisteredOnceAndEverySourceStartedOnItGetsEvents() throws Exception {
        for (int i = 1; i <= 5; i++) {
            NativeHookInputSource source = new NativeHookInputSource(hook);
            Clicks clicks = new Clicks();
            source.start(clicks);
            assertThat(screen.click(100 + i, 10, NativeMouseEvent.BUTTON1))
                    .as("recording %d", i)
                    .isTrue();
            clicks.awaitClick(100 + i);
            assertThat(source.failure()).isNull();
            source.stop();
            assertThat(screen.listeners()).isZero();
        }

        assertThat(screen.registerCalls()).isEqualTo(1);
        assertThat(hook.registrations()).isEqualTo(1);
        assertThat(screen.unregisterCalls()).isZero();
        assertThat(screen.rejected()).isZero();
        assertThat(screen.isRegistered()).isTrue();
    }

    @Test
    void registeringAgainKeepsOurDispatcherAlive() throws Exception {
        NativeHookInputSource source = new NativeHookInputSource(hook);
        Clicks clicks = new Clicks();
        source.start(clicks);

        source.restart(); // unregister + register: jnativehook shuts its dispatcher down twice on the way
        source.restart();

        assertThat(screen.registerCalls()).isEqualTo(3);
        assertThat(screen.click(7, 7, NativeMouseEvent.BUTTON1)).isTrue();
        assertThat(screen.type('x')).isTrue();
        clicks.awaitClick(7);
        await().atMost(Duration.ofSeconds(5)).until(() -> clicks.typed.get() == 1);
        assertThat(screen.rejected()).isZero();
        assertThat(source.failure()).isNull();
    }

    @Test
    void aHookThatDiesIsReportedAndARestartBringsEventsBack() throws Exception {
        NativeHookInputSource source = new NativeHookInputSource(hook);
        Clicks clicks = new Clicks();
        source.start(clicks);

        screen.die("X connection lost");

        assertThat(source.failure()).contains("stopped").contains("X connection lost");
        assertThat(screen.click(3, 3, NativeMouseEvent.BUTTON1)).isFalse();
        source.restart();
        assertThat(source.failure()).isNull();
        assertThat(screen.click(4, 4, NativeMouseEvent.BUTTON1)).isTrue();
        clicks.awaitClick(4);
        assertThat(clicks.xs).containsExactly(4);
    }

    @Test
    void aDispatcherSwappedBehindOurBackIsReportedAndARestartPutsOursBack() throws Exception {
        NativeHookInputSource source = new NativeHookInputSource(hook);
        Clicks clicks = new Clicks();
        source.start(clicks);

        screen.setDispatcher(Executors.newSingleThreadExecutor());

        assertThat(source.failure()).contains("dispatcher was replaced");
        source.restart();
        assertThat(source.failure()).isNull();
        assertThat(screen.click(5, 5, NativeMouseEvent.BUTTON1)).isTrue();
        clicks.awaitClick(5);
    }

    @Test
    void aRefusedRegistrationCanBeRetriedAndKeepsTheListener() throws Exception {
        NativeHookInputSource source = new NativeHookInputSource(hook);
        Clicks clicks = new Clicks();
        screen.refuse("permission denied");

        assertThatThrownBy(() -> source.start(clicks))
                .isInstanceOfSatisfying(InputSource.InputUnavailableException.class, e -> {
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.getMessage()).contains("permission denied");
                });
        assertThat(source.failure()).contains("could not be registered").contains("permission denied");
        assertThatThrownBy(source::restart).isInstanceOf(InputSource.InputUnavailableException.class);

        screen.refuse(null);
        source.restart();

        assertThat(source.failure()).isNull();
        assertThat(screen.click(6, 6, NativeMouseEvent.BUTTON1)).isTrue();
        clicks.awaitClick(6);
    }

    @Test
    void withoutADisplayNothingIsRegisteredAndRetryingIsPointless() {
        screen.unavailable("no X11 DISPLAY");
        NativeHookInputSource source = new NativeHookInputSource(hook);

        assertThatThrownBy(() -> source.start(new Clicks()))
                .isInstanceOfSatisfying(
                        InputSource.InputUnavailableException.class,
                        e -> assertThat(e.retryable()).isFalse());
        assertThat(screen.registerCalls()).isZero();
        assertThat(source.failure()).isNull();
    }

    @Test
    void closeUnregistersTheHookAndEndsOurDispatcher() throws Exception {
        NativeHookInputSource source = new NativeHookInputSource(hook);
        source.start(new Clicks());
        source.stop();

        hook.close();

        assertThat(screen.unregisterCalls()).isEqualTo(1);
        assertThat(screen.isRegistered()).isFalse();
        assertThat(hook.registered()).isFalse();
        assertThat(((KeptDispatcher) screen.dispatcher()).closed())
                .as("our dispatcher ended")
                .isTrue();

        Clicks again = new Clicks(); // a later start registers anew, on a fresh dispatcher
        source.start(again);
        assertThat(screen.click(8, 8, NativeMouseEvent.BUTTON1)).isTrue();
        again.awaitClick(8);
    }

    @Test
    void closingAHookThatWasNeverRegisteredTouchesNothing() {
        hook.close();

        assertThat(screen.unregisterCalls()).isZero();
        assertThat(screen.registerCalls()).isZero();
    }
}
