package com.nusomi.recorder;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What a test needs from the machine (a display, PostgreSQL, Prism) and did not find: under {@code CI=true}, where
 * {@code .ci/run} installed it, the test fails; elsewhere it is skipped with the reason.
 */
public final class Requirements {
    private Requirements() {}

    /** Fails or skips the calling test: {@code what} must run in CI, and here it cannot, because of {@code why}. */
    public static void missing(String what, String why) {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(what + " must run in CI: " + why);
        }
        assumeTrue(false, why);
    }
}
