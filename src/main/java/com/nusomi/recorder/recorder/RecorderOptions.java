package com.nusomi.recorder.recorder;

import com.nusomi.recorder.recorder.capture.ScreenSelection;
import java.awt.Rectangle;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * How one recording captures: a frame every {@code captureInterval} and {@code clickCaptureDelay} after each click
 * (if {@code captureOnClick}), of the {@code screen}, as JPEG at {@code jpegQuality}; the recorder's own windows
 * ({@code ownWindows}, desktop coordinates) and windows whose title matches a {@code privacyTitlePatterns} entry are
 * blacked out. Key activity is summed up per burst ({@code keyFlushInterval}); the characters typed are kept only
 * when {@code recordKeyText} is on. Events are written to the journal every {@code eventFlushInterval}.
 */
public record RecorderOptions(
        Duration captureInterval,
        ScreenSelection screen,
        float jpegQuality,
        boolean captureOnClick,
        Duration clickCaptureDelay,
        Duration keyFlushInterval,
        Duration eventFlushInterval,
        boolean recordKeyText,
        List<Pattern> privacyTitlePatterns,
        Supplier<List<Rectangle>> ownWindows) {

    public RecorderOptions {
        Objects.requireNonNull(captureInterval, "captureInterval");
        Objects.requireNonNull(screen, "screen");
        Objects.requireNonNull(clickCaptureDelay, "clickCaptureDelay");
        Objects.requireNonNull(keyFlushInterval, "keyFlushInterval");
        Objects.requireNonNull(eventFlushInterval, "eventFlushInterval");
        if (captureInterval.isNegative() || captureInterval.isZero()) {
            throw new IllegalArgumentException("captureInterval must be positive");
        }
        if (keyFlushInterval.isNegative()
                || keyFlushInterval.isZero()
                || eventFlushInterval.isNegative()
                || eventFlushInterval.isZero()) {
            throw new IllegalArgumentException("flush intervals must be positive");
        }
        if (!(jpegQuality > 0 && jpegQuality <= 1)) {
            throw new IllegalArgumentException("jpegQuality is in (0, 1]");
        }
        privacyTitlePatterns = privacyTitlePatterns == null ? List.of() : List.copyOf(privacyTitlePatterns);
        ownWindows = ownWindows == null ? List::of : ownWindows;
    }

    /** 1 frame a second of the primary screen, JPEG 0.7, a frame 100 ms after each click, key bursts of 2 s. */
    public static RecorderOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.captureInterval = captureInterval;
        b.screen = screen;
        b.jpegQuality = jpegQuality;
        b.captureOnClick = captureOnClick;
        b.clickCaptureDelay = clickCaptureDelay;
        b.keyFlushInterval = keyFlushInterval;
        b.eventFlushInterval = eventFlushInterval;
        b.recordKeyText = recordKeyText;
        b.privacyTitlePatterns = privacyTitlePatterns;
        b.ownWindows = ownWindows;
        return b;
    }

    /** Builder of {@link RecorderOptions}. */
    public static final class Builder {
        private Duration captureInterval = Duration.ofSeconds(1);
        private ScreenSelection screen = ScreenSelection.primary();
        private float jpegQuality = 0.7f;
        private boolean captureOnClick = true;
        private Duration clickCaptureDelay = Duration.ofMillis(100);
        private Duration keyFlushInterval = Duration.ofSeconds(2);
        private Duration eventFlushInterval = Duration.ofSeconds(1);
        private boolean recordKeyText;
        private List<Pattern> privacyTitlePatterns = List.of();
        private Supplier<List<Rectangle>> ownWindows = List::of;

        private Builder() {}

        public Builder captureInterval(Duration d) {
            this.captureInterval = d;
            return this;
        }

        public Builder screen(ScreenSelection s) {
            this.screen = s;
            return this;
        }

        public Builder jpegQuality(float q) {
            this.jpegQuality = q;
            return this;
        }

        public Builder captureOnClick(boolean on) {
            this.captureOnClick = on;
            return this;
        }

        public Builder clickCaptureDelay(Duration d) {
            this.clickCaptureDelay = d;
            return this;
        }

        public Builder keyFlushInterval(Duration d) {
            this.keyFlushInterval = d;
            return this;
        }

        public Builder eventFlushInterval(Duration d) {
            this.eventFlushInterval = d;
            return this;
        }

        /** Keep the characters typed in key events (off by default: only counts and modifiers). */
        public Builder recordKeyText(boolean on) {
            this.recordKeyText = on;
            return this;
        }

        public Builder privacyTitlePatterns(List<Pattern> patterns) {
            this.privacyTitlePatterns = patterns;
            return this;
        }

        /** The recorder's own windows, asked before every capture and blacked out. */
        public Builder ownWindows(Supplier<List<Rectangle>> supplier) {
            this.ownWindows = supplier;
            return this;
        }

        public RecorderOptions build() {
            return new RecorderOptions(
                    captureInterval,
                    screen,
                    jpegQuality,
                    captureOnClick,
                    clickCaptureDelay,
                    keyFlushInterval,
                    eventFlushInterval,
                    recordKeyText,
                    privacyTitlePatterns,
                    ownWindows);
        }
    }
}
