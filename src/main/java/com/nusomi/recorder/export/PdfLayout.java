package com.nusomi.recorder.export;

import com.nusomi.recorder.client.model.Frame;
import com.nusomi.recorder.export.steps.Step;
import com.nusomi.recorder.export.steps.StepPicture;
import java.util.List;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * Where each step of the PDF guide goes: a step with a picture starts a page of its own (the picture as wide as the
 * text, at most {@link #MAX_IMAGE_HEIGHT} high); the steps without one follow on the same page while they fit. The
 * same walk places the steps for the contents (to know their pages) and for drawing them, so the two agree.
 */
final class PdfLayout {
    static final PDRectangle PAGE = PDRectangle.A4;
    static final float MARGIN = 50;
    static final float WIDTH = PAGE.getWidth() - 2 * MARGIN;
    static final float TOP = PAGE.getHeight() - MARGIN;
    static final float BOTTOM = MARGIN + 20;
    static final float MAX_IMAGE_HEIGHT = 520;
    static final float HEADING = 13;
    static final float HEADING_LEADING = 17;
    static final float BODY = 10;
    static final float BODY_LEADING = 13;
    static final int MAX_HEADING_LINES = 4;
    static final int MAX_DETAIL_LINES = 20;
    static final float GAP = 16;

    /** Contents lines per page. */
    static final int CONTENTS_PER_PAGE = (int) ((TOP - 40 - BOTTOM) / 15);

    private final PdfText text;
    private int page = -1;
    private float y = TOP;
    private boolean pageEmpty = true;

    PdfLayout(PdfText text) {
        this.text = text;
    }

    /** Where one step goes: its page (0 = the first step page), the top of its block, and its lines. */
    record Placement(int page, boolean newPage, float top, List<String> heading, List<String> detail, Box image) {}

    /** The box a picture is drawn in (its width and height, in points). */
    record Box(float width, float height) {}

    /** Places the next step. */
    Placement place(Step step, boolean crop) {
        List<String> heading =
                text.wrap(step.number() + ". " + step.caption(), PdfText.BOLD, HEADING, WIDTH, MAX_HEADING_LINES);
        List<String> detail = step.detail() == null
                ? List.of()
                : text.wrap(step.detail(), PdfText.REGULAR, BODY, WIDTH, MAX_DETAIL_LINES);
        Box image = step.frame() == null ? null : box(step, crop);
        float height = heading.size() * HEADING_LEADING
                + BODY_LEADING
                + detail.size() * BODY_LEADING
                + (image == null ? 0 : image.height() + 8)
                + GAP;
        boolean newPage = page < 0 || (image != null && !pageEmpty) || (!pageEmpty && y - height < BOTTOM);
        if (newPage) {
            page++;
            y = TOP;
        }
        Placement p = new Placement(page, newPage, y, heading, detail, image);
        y -= height;
        pageEmpty = false;
        return p;
    }

    /** How many pages the steps took so far. */
    int pages() {
        return page + 1;
    }

    /** The picture's box: the frame's shape (cropped as the picture will be), as wide as the text at most. */
    static Box box(Step step, boolean crop) {
        Frame f = step.frame();
        double w = f.width() == null || f.width() <= 0 ? 16 : f.width();
        double h = f.height() == null || f.height() <= 0 ? 9 : f.height();
        boolean ringInside = step.hasClickPoint() && step.x() < w && step.y() < h && step.x() >= 0 && step.y() >= 0;
        if (crop && ringInside && f.width() != null && f.height() != null) {
            w = Math.min(StepPicture.CROP_WIDTH, w);
            h = Math.min(StepPicture.CROP_HEIGHT, h);
        }
        double scale = Math.min(WIDTH / w, MAX_IMAGE_HEIGHT / h);
        return new Box((float) (w * scale), (float) (h * scale));
    }
}
