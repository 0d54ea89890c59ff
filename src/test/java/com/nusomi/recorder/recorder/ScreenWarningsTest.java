package com.nusomi.recorder.recorder;

import static org.assertj.core.api.Assertions.assertThat;

import com.nusomi.recorder.recorder.capture.MaskPlan;
import org.junit.jupiter.api.Test;

/** When the operator is told that frames stop (and start again) showing the screen. */
class ScreenWarningsTest {
    private final CollectingListener seen = new CollectingListener();
    private final ScreenWarnings warnings = new ScreenWarnings("ses_screen", new Notifier(seen, r -> {}));

    @Test
    void aBlackScreenIsReportedOnTheThirdCaptureRunningAndOnce() {
        warnings.captured(true);
        warnings.captured(true);
        assertThat(seen.warnings).isEmpty();

        warnings.captured(true);
        warnings.captured(true);

        assertThat(seen.warnings).extracting(RecorderWarning::kind).containsExactly(RecorderWarning.Kind.SCREEN_BLACK);
    }

    @Test
    void theScreenShowingAgainIsReportedOnlyAfterABlackScreenWarning() {
        warnings.captured(true);
        warnings.captured(false);
        assertThat(seen.warnings).isEmpty();

        for (int i = 0; i < ScreenWarnings.BLACK_SCREENS_BEFORE_WARNING; i++) {
            warnings.captured(true);
        }
        warnings.captured(false);
        warnings.captured(false);

        assertThat(seen.warnings)
                .extracting(RecorderWarning::kind)
                .containsExactly(RecorderWarning.Kind.SCREEN_BLACK, RecorderWarning.Kind.SCREEN_VISIBLE_AGAIN);
    }

    @Test
    void aBlackoutIsReportedOncePerReasonAndItsEndOnce() {
        warnings.planned(MaskPlan.none());
        warnings.planned(MaskPlan.everything("the private window cannot be placed", 1));
        warnings.planned(MaskPlan.everything("the private window cannot be placed", 1));
        warnings.planned(MaskPlan.everything("the windows cannot be read", 1));
        warnings.planned(MaskPlan.none());
        warnings.planned(MaskPlan.none());

        assertThat(seen.warnings)
                .extracting(RecorderWarning::kind)
                .containsExactly(
                        RecorderWarning.Kind.FRAMES_BLACKED_OUT,
                        RecorderWarning.Kind.FRAMES_BLACKED_OUT,
                        RecorderWarning.Kind.FRAMES_VISIBLE_AGAIN);
        assertThat(seen.warnings.get(1).message()).isEqualTo("the windows cannot be read");
    }
}
