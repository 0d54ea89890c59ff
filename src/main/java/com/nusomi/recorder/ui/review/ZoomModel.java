package com.nusomi.recorder.ui.review;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;

/**
 * Where the frame sits in the viewer: its scale (1 = one frame pixel to one view pixel) and the view position of its
 * top-left corner. "Fit" shows the whole frame as large as the view allows, and keeps doing so as the view or the
 * frame changes size; zooming and panning leave it. A frame smaller than the view is centred; a larger one can be
 * panned to its edges, no further. Plain state, no nodes.
 */
final class ZoomModel {
    static final double MIN_SCALE = 0.05;
    static final double MAX_SCALE = 16;
    /** One step of +/−, or of one notch of the wheel. */
    static final double STEP = 1.25;

    private final ReadOnlyDoubleWrapper scale = new ReadOnlyDoubleWrapper(1);
    private final ReadOnlyDoubleWrapper x = new ReadOnlyDoubleWrapper();
    private final ReadOnlyDoubleWrapper y = new ReadOnlyDoubleWrapper();
    private final ReadOnlyBooleanWrapper fit = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyDoubleWrapper width = new ReadOnlyDoubleWrapper();
    private final ReadOnlyDoubleWrapper height = new ReadOnlyDoubleWrapper();
    private double viewW;
    private double viewH;
    private double imageW;
    private double imageH;

    /** The view's size changed. */
    void setView(double width, double height) {
        viewW = width;
        viewH = height;
        settle();
    }

    /** The frame's size (in frame pixels) is this one. */
    void setImage(double width, double height) {
        if (width == imageW && height == imageH) {
            return;
        }
        imageW = width;
        imageH = height;
        settle();
    }

    private void settle() {
        if (fit.get()) {
            onFit();
        } else {
            clamp();
        }
    }

    /** The whole frame, as large as the view allows. */
    void onFit() {
        fit.set(true);
        if (imageW > 0 && imageH > 0 && viewW > 0 && viewH > 0) {
            scale.set(Math.max(MIN_SCALE, Math.min(viewW / imageW, viewH / imageH)));
        }
        clamp();
    }

    /** One frame pixel to one view pixel, around the view's centre. */
    void onActualSize() {
        zoomAt(1 / scale.get(), viewW / 2, viewH / 2);
    }

    /** Zooms by {@code factor}, keeping the frame's point under the view's point ({@code px}, {@code py}) there. */
    void zoomAt(double factor, double px, double py) {
        fit.set(false);
        double s = scale.get();
        double next = Math.max(MIN_SCALE, Math.min(MAX_SCALE, s * factor));
        if (Math.abs(next - 1) < 1e-9) {
            next = 1;
        }
        double fx = (px - x.get()) / s;
        double fy = (py - y.get()) / s;
        scale.set(next);
        x.set(px - fx * next);
        y.set(py - fy * next);
        clamp();
    }

    /** Zooms one step in ({@code steps} > 0) or out, around the view's centre. */
    void zoomSteps(int steps) {
        zoomAt(Math.pow(STEP, steps), viewW / 2, viewH / 2);
    }

    /** Moves the frame by this many view pixels (as far as its edges allow). */
    void panBy(double dx, double dy) {
        x.set(x.get() + dx);
        y.set(y.get() + dy);
        clamp();
    }

    private void clamp() {
        width.set(imageW * scale.get());
        height.set(imageH * scale.get());
        x.set(axis(x.get(), imageW * scale.get(), viewW));
        y.set(axis(y.get(), imageH * scale.get(), viewH));
    }

    private static double axis(double at, double size, double view) {
        if (size <= view) {
            return Math.floor((view - size) / 2);
        }
        return Math.max(view - size, Math.min(0, at));
    }

    ReadOnlyDoubleProperty scaleProperty() {
        return scale.getReadOnlyProperty();
    }

    ReadOnlyDoubleProperty xProperty() {
        return x.getReadOnlyProperty();
    }

    ReadOnlyDoubleProperty yProperty() {
        return y.getReadOnlyProperty();
    }

    /** The frame's width as drawn, in view pixels. */
    ReadOnlyDoubleProperty widthProperty() {
        return width.getReadOnlyProperty();
    }

    ReadOnlyDoubleProperty heightProperty() {
        return height.getReadOnlyProperty();
    }

    /** True while the frame is kept fitted to the view. */
    ReadOnlyBooleanProperty fitProperty() {
        return fit.getReadOnlyProperty();
    }

    /** "100%", "47%". */
    StringBinding percent() {
        return Bindings.createStringBinding(() -> Math.round(scale.get() * 100) + "%", scale);
    }
}
