package com.nusomi.recorder.ui.redact;

import com.nusomi.recorder.client.request.FrameRedaction;
import com.nusomi.recorder.ui.redact.RedactionModel.Scope;
import java.util.ArrayList;
import java.util.List;

/**
 * Which frames a redaction goes on: positions {@code first} to {@code last} (from 0) among the run's frames, whose
 * seqs are {@code seqs}; the app numbers them from one. Plain Java.
 */
record RedactionPlan(List<Long> seqs, int first, int last) {
    /** The first and last seq of one redaction call. */
    record Span(long from, long to) {}

    /**
     * The plan for a scope: the frame shown ({@code index}), frames {@code from} to {@code to} as the user typed them
     * (numbered from one), or the whole run; null when the range is not one.
     */
    static RedactionPlan of(List<Long> seqs, Scope scope, int index, String from, String to) {
        return switch (scope) {
            case FRAME -> new RedactionPlan(seqs, index, index);
            case RUN -> new RedactionPlan(seqs, 0, seqs.size() - 1);
            case RANGE -> {
                Integer a = number(from, seqs.size());
                Integer b = number(to, seqs.size());
                yield a == null || b == null || a > b ? null : new RedactionPlan(seqs, a - 1, b - 1);
            }
        };
    }

    private static Integer number(String text, int count) {
        try {
            int n = Integer.parseInt(text == null ? "" : text.trim());
            return n >= 1 && n <= count ? n : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The calls the redaction takes: the seqs from first to last, cut into spans the contract allows. */
    List<Span> spans() {
        long a = seqs.get(first);
        long b = seqs.get(last);
        List<Span> out = new ArrayList<>();
        for (long from = a; from <= b; from += FrameRedaction.MAX_SPAN) {
            out.add(new Span(from, Math.min(b, from + FrameRedaction.MAX_SPAN - 1)));
        }
        return out;
    }

    /** What the confirmation asks: how many boxes on which frames. */
    String question(int boxes) {
        String what = boxes == 1 ? "1 box" : boxes + " boxes";
        String where;
        if (first == last) {
            where = "frame " + (first + 1) + " of " + seqs.size();
        } else if (first == 0 && last == seqs.size() - 1) {
            where = "all " + seqs.size() + " frames of the run";
        } else {
            where = "frames " + (first + 1) + " to " + (last + 1) + " of " + seqs.size();
        }
        return "Paint " + what + " solid black on " + where + "?";
    }
}
