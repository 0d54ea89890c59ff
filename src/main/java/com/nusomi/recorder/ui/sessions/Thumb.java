package com.nusomi.recorder.ui.sessions;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/** One thumbnail of the film strip: a frame's seq and, once loaded, its image. */
public final class Thumb<I> {
    private final long seq;
    private final ReadOnlyObjectWrapper<I> image = new ReadOnlyObjectWrapper<>();

    Thumb(long seq) {
        this.seq = seq;
    }

    public long seq() {
        return seq;
    }

    public ReadOnlyObjectProperty<I> imageProperty() {
        return image.getReadOnlyProperty();
    }

    void set(I loaded) {
        image.set(loaded);
    }
}
