package com.nusomi.recorder.app;

import com.nusomi.recorder.recorder.privacy.PrivacyReport;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/** Runs the privacy self-test on this desktop (blocking, for a worker thread); {@code progress} hears each step. */
@FunctionalInterface
public interface PrivacyChecker {
    PrivacyReport check(List<Pattern> patterns, Consumer<String> progress) throws InterruptedException;
}
