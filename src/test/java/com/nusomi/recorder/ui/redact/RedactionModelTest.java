package com.nusomi.recorder.ui.redact;

import static org.assertj.core.api.Assertions.assertThat;

import com.nusomi.recorder.app.DirectTaskRunner;
import com.nusomi.recorder.client.request.FrameRedaction;
import com.nusomi.recorder.client.request.FrameRedaction.Rect;
import com.nusomi.recorder.ui.redact.RedactionModel.Scope;
import com.nusomi.recorder.ui.redact.RedactionPlan.Span;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The redaction editor's state without a toolkit: what it would paint, what it asks, what stops it. */
class RedactionModelTest {
    /** Frames numbered 1..n in the app, whose seqs have gaps: 0, 10, 20, ... */
    private static RedactionModel model(int frames, int index) {
        List<Long> seqs = LongStream.range(0, frames).map(i -> i * 10).boxed().toList();
        return new RedactionModel(new DirectTaskRunner(), () -> null, "ses_x", seqs, index, () -> {});
    }

    @Test
    void nothingDrawnIsNothingToApply() {
        RedactionModel m = model(5, 2);
        assertThat(m.canApplyProperty().get()).isFalse();
        assertThat(m.problemProperty().get()).contains("Drag on the frame");
        m.add(new Rect(1, 2, 3, 4));
        assertThat(m.canApplyProperty().get()).isTrue();
        m.undo();
        assertThat(m.rects()).isEmpty();
        assertThat(m.canApplyProperty().get()).isFalse();
    }

    @Test
    void thisFrameIsTheSeqShown() {
        RedactionModel m = model(5, 2);
        m.add(new Rect(1, 2, 3, 4));
        assertThat(m.spans()).containsExactly(new Span(20, 20));
        assertThat(m.question()).isEqualTo("Paint 1 box solid black on frame 3 of 5?");
        m.step(1);
        assertThat(m.spans()).as("the box stays, the frame moves").containsExactly(new Span(30, 30));
    }

    @Test
    void aRangeIsNumberedFromOneAndChecked() {
        RedactionModel m = model(5, 0);
        m.add(new Rect(1, 2, 3, 4));
        m.add(new Rect(5, 6, 7, 8));
        m.scopeProperty().set(Scope.RANGE);
        m.fromProperty().set("2");
        m.toProperty().set("4");
        assertThat(m.spans()).containsExactly(new Span(10, 30));
        assertThat(m.question()).isEqualTo("Paint 2 boxes solid black on frames 2 to 4 of 5?");
        m.toProperty().set("6");
        assertThat(m.problemProperty().get()).contains("from 1 to 5");
        assertThat(m.canApplyProperty().get()).isFalse();
        m.toProperty().set("1");
        assertThat(m.canApplyProperty().get()).as("the first after the last").isFalse();
        m.toProperty().set("x");
        assertThat(m.canApplyProperty().get()).isFalse();
    }

    @Test
    void theWholeRunIsCutIntoCallsTheContractAllows() {
        RedactionModel m = model(2_500, 7); // seqs 0..24,990
        m.add(new Rect(0, 0, 1, 1));
        m.scopeProperty().set(Scope.RUN);
        assertThat(m.question()).isEqualTo("Paint 1 box solid black on all 2500 frames of the run?");
        assertThat(m.spans()).containsExactly(new Span(0, 9_999), new Span(10_000, 19_999), new Span(20_000, 24_990));
        assertThat(m.spans()).allSatisfy(s -> assertThat(s.to() - s.from()).isLessThan(FrameRedaction.MAX_SPAN));
        assertThat(RedactionModel.warning()).contains("erased for good").contains("cannot be undone");
    }

    @Test
    void noMoreBoxesThanTheContractAllows() {
        RedactionModel m = model(1, 0);
        for (int i = 0; i < FrameRedaction.MAX_RECTS + 3; i++) {
            m.add(new Rect(i, 0, 1, 1));
        }
        assertThat(m.rects()).hasSize(FrameRedaction.MAX_RECTS);
    }
}
