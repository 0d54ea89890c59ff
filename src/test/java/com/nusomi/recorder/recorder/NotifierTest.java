package com.nusomi.recorder.recorder;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A listener that throws must not stop what reports to it. */
class NotifierTest {
    @Test
    void aFailingListenerIsLoggedNotPassedOn() {
        List<String> heard = new ArrayList<>();
        Notifier notifier = new Notifier(
                new RecorderListener() {
                    @Override
                    public void onWarning(RecorderWarning warning) {
                        heard.add(warning.message());
                        throw new IllegalStateException("listener bug");
                    }
                },
                r -> {});

        notifier.warning(new RecorderWarning(RecorderWarning.Kind.UPLOAD_RESUMED, "ses_n", "one", null));
        notifier.warning(new RecorderWarning(RecorderWarning.Kind.UPLOAD_RESUMED, "ses_n", "two", null));

        assertThat(heard).containsExactly("one", "two");
    }
}
