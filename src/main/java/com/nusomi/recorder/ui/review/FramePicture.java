package com.nusomi.recorder.ui.review;

import com.nusomi.recorder.app.TaskRunner;
import com.nusomi.recorder.client.SessionsClient;
import com.nusomi.recorder.client.model.Frame;
import com.nusomi.recorder.ui.common.FrameDecoding;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.image.Image;

/**
 * The picture of the viewer's current frame: loaded through {@link ViewerImages} at the width it is drawn ({@link
 * FrameDecoding#width}), showing the frame at another size or the
 * frame before until the right one is decoded, and saying when it is loading or failed. UI thread only.
 */
final class FramePicture {
    private final ViewerImages images;
    private final ReadOnlyObjectWrapper<Image> image = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Long> imageSeq = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper();
    private Frame frame;
    private int number;
    private double shownWidth;

    /** Loads frames through {@code client} on {@code tasks}; {@code onSlotFree} runs when a fetch ahead lands. */
    FramePicture(TaskRunner tasks, Supplier<SessionsClient> client, Runnable onSlotFree) {
        images = new ViewerImages(tasks, client);
        images.setOnSlotFree(onSlotFree);
    }

    /** Frames of session {@code id} from now on (the cache starts over when it is another one). */
    void session(String id) {
        images.reset(id);
    }

    /** Forgets every image (frames were redacted) and loads the frame shown again. */
    void reload() {
        images.forget();
        if (frame != null) {
            imageSeq.set(null); // the picture on screen is the old one: not a stand-in for the new
            show(frame, number);
        }
    }

    /** Shows nothing. */
    void clear() {
        frame = null;
        image.set(null);
        imageSeq.set(null);
        loading.set(false);
        failure.set(null);
    }

    /** Shows {@code f}, frame {@code n} (one-based, for messages). */
    void show(Frame f, int n) {
        frame = f;
        number = n;
        long seq = f.seq();
        int width = decodeWidth(f);
        Image hit = images.cached(seq, width);
        if (hit == null && imageSeq.get() != null && imageSeq.get() == seq) {
            hit = image.get(); // this frame at another size, until the right size is decoded
        } else if (hit == null) {
            hit = images.anyCached(seq);
        }
        if (hit != null) {
            image.set(hit);
            imageSeq.set(seq);
            failure.set(null);
            if (images.cached(seq, width) != null) {
                loading.set(false);
                return;
            }
        }
        loading.set(true);
        images.load(seq, width, (img, e) -> {
            if (frame == null || frame.seq() != seq) {
                return;
            }
            loading.set(false);
            if (e != null) {
                failure.set("Could not load frame " + number + ": " + e.getMessage());
            } else {
                failure.set(null);
                image.set(img);
                imageSeq.set(seq);
            }
        });
    }

    /** Fetches {@code ahead} (in this order) at the width the current frame is drawn at. */
    void prefetch(List<Long> ahead) {
        if (frame != null) {
            images.prefetch(ahead, decodeWidth(frame));
        }
    }

    /** The view draws the frame this many device pixels wide now; reloads it if it needs another size. */
    void onShownWidth(double devicePixels) {
        int before = frame == null ? 0 : decodeWidth(frame);
        shownWidth = devicePixels;
        if (frame != null && decodeWidth(frame) != before) {
            show(frame, number);
        }
    }

    /** The width to decode {@code f} at: as wide as it is drawn (in steps), 0 for full size. */
    int decodeWidth(Frame f) {
        return FrameDecoding.width(f.width(), shownWidth);
    }

    ReadOnlyObjectProperty<Image> imageProperty() {
        return image.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<Long> imageSeqProperty() {
        return imageSeq.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    ReadOnlyStringProperty failureProperty() {
        return failure.getReadOnlyProperty();
    }
}
