package com.nusomi.recorder.export;

import com.nusomi.recorder.client.model.FrameImage;
import com.nusomi.recorder.export.steps.Step;
import com.nusomi.recorder.export.steps.StepPicture;
import com.nusomi.recorder.export.steps.Steps;
import java.io.IOException;

/** What the HTML and PDF guides share: the run's steps, a first walk over them, and each step's picture. */
final class GuideRun {
    private final RunSource run;
    private final Steps steps;
    private final ExportProgress progress;
    private final Steps.Survey survey;

    private GuideRun(RunSource run, ExportProgress progress) {
        this.run = run;
        this.progress = progress;
        this.steps = Steps.of(run.session(), run::events, run::frames);
        progress.advance(0, -1, "Reading the steps");
        this.survey = steps.survey(progress::checkCancelled);
    }

    /** Reads {@code run}'s steps once (to count them), checking for cancellation. */
    static GuideRun open(RunSource run, ExportProgress progress) {
        return new GuideRun(run, progress);
    }

    Steps steps() {
        return steps;
    }

    Steps.Survey survey() {
        return survey;
    }

    /** The picture of a step with a frame (null for the others, or when its image cannot be read). */
    StepPicture picture(Step step, boolean crop, int maxWidth) throws IOException {
        if (step.frame() == null) {
            return null;
        }
        FrameImage image = run.image(step.frame());
        return StepPicture.render(step, image.bytes(), crop, maxWidth);
    }

    /** Stops if cancelled. */
    void checkCancelled() {
        progress.checkCancelled();
    }

    /** Reports one more step written, and stops if cancelled. */
    void stepDone(Step step) {
        progress.checkCancelled();
        progress.advance(step.number(), survey.steps(), "Step " + step.number() + " of " + survey.steps());
    }
}
