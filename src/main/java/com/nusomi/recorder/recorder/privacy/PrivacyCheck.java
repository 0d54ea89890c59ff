package com.nusomi.recorder.recorder.privacy;

import com.nusomi.recorder.recorder.capture.DesktopSnapshot;
import com.nusomi.recorder.recorder.capture.DesktopWindow;
import com.nusomi.recorder.recorder.capture.FrameEncoder;
import com.nusomi.recorder.recorder.capture.MaskedCapture;
import com.nusomi.recorder.recorder.capture.Masks;
import com.nusomi.recorder.recorder.capture.ScreenSelection;
import com.nusomi.recorder.recorder.capture.ScreenSource;
import com.nusomi.recorder.recorder.capture.WindowLocator;
import com.nusomi.recorder.recorder.capture.WindowLookupException;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/**
 * The privacy self-test: opens canary windows (one whose title matches each privacy pattern, one of the
 * recorder's own, and an ordinary window in front of both), takes frames through the very path a recording takes
 * ({@link MaskedCapture}, then the JPEG encoder), and counts, pixel by pixel, what leaked and how much of the
 * front window was recorded. Colours find a leak of a window's content whatever the geometry says; a private
 * window's decorations (its title bar shows the very title that made it private) are judged within its frame as
 * a window lookup reports it, the "witness". Nothing of it leaves the machine; the last frame is written as a
 * picture.
 */
public final class PrivacyCheck {
    /** Titles of the canaries that are not privacy matches. */
    static final String OWN_TITLE = "Session Recorder privacy check: own window";

    static final String FRONT_TITLE = "Privacy check: front window";
    private static final int FRAMES = 3;
    private static final int COLOUR_TOLERANCE = 60;
    private static final int BLACK = 48;
    private static final int EDGE = 2;

    private final ScreenSource screen;
    private final WindowLocator windows;
    private final WindowLocator witness;
    private final List<Pattern> patterns;
    private final float quality;
    private final Path picture;
    private final Consumer<String> progress;

    /**
     * @param windows the window lookup the masks are placed with, as in a recording
     * @param witness the window lookup the frames are judged with: the same one in the app and on the command
     *     line; a test gives a faulty one above and the real one here
     * @param picture where to write the last frame (PNG), or null for none
     * @param progress told each step, for a progress line
     */
    public PrivacyCheck(
            ScreenSource screen,
            WindowLocator windows,
            WindowLocator witness,
            List<Pattern> patterns,
            float quality,
            Path picture,
            Consumer<String> progress) {
        this.screen = screen;
        this.windows = windows;
        this.witness = witness;
        this.patterns = List.copyOf(patterns);
        this.quality = quality;
        this.picture = picture;
        this.progress = progress;
    }

    /** Runs the check on the primary screen; takes a few seconds. */
    public PrivacyReport run() throws InterruptedException {
        List<String> problems = new ArrayList<>();
        List<String> checked = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        Rectangle area;
        try {
            area = screen.bounds(ScreenSelection.primary());
        } catch (RuntimeException e) {
            return new PrivacyReport(
                    0,
                    0,
                    0,
                    0,
                    checked,
                    skipped,
                    null,
                    windows.describe(),
                    List.of("no screen to capture: " + e.getMessage()));
        }
        List<Canary> privateCanaries = new ArrayList<>();
        for (Pattern p : patterns) {
            String title = CanaryTitles.matching(p);
            if (title == null) {
                skipped.add(p.pattern() + " (no window title could be made that it matches)");
                continue;
            }
            int i = privateCanaries.size();
            privateCanaries.add(new Canary(
                    title, Canary.MASKED, new Rectangle(area.x + 620 + 40 * i, area.y + 80 + 40 * i, 360, 240)));
            checked.add(p.pattern());
        }
        Canary own = new Canary(OWN_TITLE, Canary.OWN, new Rectangle(area.x + 80, area.y + 80, 480, 320));
        Canary front = new Canary(FRONT_TITLE, Canary.FRONT, new Rectangle(area.x + 360, area.y + 260, 420, 300));
        Masks masks = new Masks(ProcessHandle.current().pid(), patterns);
        for (String title : List.of(OWN_TITLE, FRONT_TITLE)) {
            if (masks.isPrivate(new DesktopWindow(0, null, title, -1))) {
                problems.add("a privacy pattern matches the canary title \"" + title + "\"");
            }
        }
        List<Canary> foreign = new ArrayList<>(privateCanaries);
        foreign.add(front);
        Tally tally = new Tally();
        BufferedImage last = null;
        try (Canaries canaries = new Canaries()) {
            progress.accept("Opening the canary windows…");
            canaries.openOwn(own);
            canaries.openForeign(foreign);
            List<Canary> all = new ArrayList<>(foreign);
            all.add(own);
            String missing = waitForCanaries(all, canaries);
            if (missing != null) {
                problems.add(missing);
            } else {
                MaskedCapture capture = new MaskedCapture(screen, windows, masks, List::of);
                try (FrameEncoder encoder = new FrameEncoder(quality)) {
                    for (int i = 0; i < FRAMES; i++) {
                        progress.accept("Capturing frame " + (i + 1) + " of " + FRAMES + "…");
                        MaskedCapture.Frame frame = capture.capture(ScreenSelection.primary());
                        BufferedImage stored = ImageIO.read(new ByteArrayInputStream(encoder.jpeg(frame.rgb())));
                        BufferedImage raw = FrameEncoder.toRgb(
                                screen.capture(ScreenSelection.primary()).image());
                        tally.add(stored, raw, frame.bounds(), snapshotOrNull(), privateCanaries);
                        last = stored;
                    }
                }
            }
        } catch (IOException e) {
            problems.add(e.getMessage());
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            problems.add("capture failed: " + e);
        }
        Path written = null;
        if (last != null && picture != null) {
            try {
                Files.createDirectories(picture.toAbsolutePath().getParent());
                ImageIO.write(last, "png", picture.toFile());
                written = picture;
            } catch (IOException e) {
                problems.add("cannot write the picture " + picture + ": " + e.getMessage());
            }
        }
        return new PrivacyReport(
                tally.leaked(),
                tally.own,
                tally.fidelity(),
                tally.frames,
                checked,
                skipped,
                written,
                windows.describe(),
                problems);
    }

    private DesktopSnapshot snapshotOrNull() {
        try {
            return witness.supported() ? witness.snapshot() : null;
        } catch (WindowLookupException e) {
            return null;
        }
    }

    /** Waits until every canary is on screen and painted; null when they are, else what is missing. */
    private String waitForCanaries(List<Canary> canaries, Canaries process) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        String missing = "the canary windows did not appear";
        while (System.nanoTime() < deadline) {
            if (!process.foreignAlive()) {
                return "the canary windows' process ended early";
            }
            BufferedImage raw =
                    FrameEncoder.toRgb(screen.capture(ScreenSelection.primary()).image());
            Rectangle area = screen.bounds(ScreenSelection.primary());
            missing = null;
            for (Canary c : canaries) {
                // near the top right of its client area: no later canary covers that point
                int x = c.bounds().x + c.bounds().width - 40 - area.x;
                int y = c.bounds().y + 60 - area.y;
                if (!Tally.near(raw.getRGB(x, y), c.rgb(), COLOUR_TOLERANCE)) {
                    missing = "the canary window \"" + c.title() + "\" did not appear on screen";
                    break;
                }
            }
            if (missing == null) {
                return null;
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        return missing;
    }

    /** The counts over every frame judged. */
    private static final class Tally {
        long privateColour;
        long privateFrame;
        long own;
        long frontVisible;
        long frontRecorded;
        int frames;

        long leaked() {
            return privateColour + privateFrame + own;
        }

        double fidelity() {
            return frontVisible == 0 ? 0 : (double) frontRecorded / frontVisible;
        }

        void add(
                BufferedImage stored,
                BufferedImage raw,
                Rectangle area,
                DesktopSnapshot desktop,
                List<Canary> privateCanaries) {
            frames++;
            List<Rectangle> privateVisible = new ArrayList<>();
            List<List<Rectangle>> above = new ArrayList<>();
            if (desktop != null) {
                List<Rectangle> higher = new ArrayList<>();
                for (DesktopWindow w : desktop.topFirst()) {
                    boolean canary =
                            privateCanaries.stream().anyMatch(c -> c.title().equals(w.title()));
                    if (canary && w.hasFrame()) {
                        privateVisible.add(w.frame());
                        above.add(List.copyOf(higher));
                    }
                    if (w.hasFrame()) {
                        higher.add(w.frame());
                    }
                }
            }
            for (int y = 0; y < area.height; y++) {
                for (int x = 0; x < area.width; x++) {
                    int s = stored.getRGB(x, y);
                    int r = raw.getRGB(x, y);
                    if (near(s, Canary.MASKED, COLOUR_TOLERANCE)) {
                        privateColour++;
                    } else if (near(s, Canary.OWN, COLOUR_TOLERANCE)) {
                        own++;
                    } else if (brightest(s) > BLACK && inVisibleFrame(area.x + x, area.y + y, privateVisible, above)) {
                        privateFrame++;
                    }
                    if (near(r, Canary.FRONT, COLOUR_TOLERANCE) && solid(raw, x, y, Canary.FRONT)) {
                        frontVisible++;
                        if (near(s, Canary.FRONT, COLOUR_TOLERANCE)) {
                            frontRecorded++;
                        }
                    }
                }
            }
        }

        /** Inside a private window's frame by more than the edge, and under no window above it. */
        private static boolean inVisibleFrame(int x, int y, List<Rectangle> frames, List<List<Rectangle>> above) {
            for (int i = 0; i < frames.size(); i++) {
                Rectangle f = frames.get(i);
                Rectangle inner = new Rectangle(f.x + EDGE, f.y + EDGE, f.width - 2 * EDGE, f.height - 2 * EDGE);
                if (!inner.contains(x, y)) {
                    continue;
                }
                boolean covered = false;
                for (Rectangle a : above.get(i)) {
                    Rectangle grown = new Rectangle(a.x - EDGE, a.y - EDGE, a.width + 2 * EDGE, a.height + 2 * EDGE);
                    if (grown.contains(x, y)) {
                        covered = true;
                        break;
                    }
                }
                if (!covered) {
                    return true;
                }
            }
            return false;
        }

        /** The pixel and its neighbours an edge away all show the colour: not an edge pixel JPEG may blur. */
        private static boolean solid(BufferedImage raw, int x, int y, int rgb) {
            for (int d = -EDGE; d <= EDGE; d += EDGE) {
                for (int e = -EDGE; e <= EDGE; e += EDGE) {
                    int px = x + d;
                    int py = y + e;
                    if (px < 0
                            || py < 0
                            || px >= raw.getWidth()
                            || py >= raw.getHeight()
                            || !near(raw.getRGB(px, py), rgb, COLOUR_TOLERANCE)) {
                        return false;
                    }
                }
            }
            return true;
        }

        static boolean near(int a, int b, int tolerance) {
            return Math.abs(((a >> 16) & 0xff) - ((b >> 16) & 0xff)) <= tolerance
                    && Math.abs(((a >> 8) & 0xff) - ((b >> 8) & 0xff)) <= tolerance
                    && Math.abs((a & 0xff) - (b & 0xff)) <= tolerance;
        }

        private static int brightest(int rgb) {
            return Math.max((rgb >> 16) & 0xff, Math.max((rgb >> 8) & 0xff, rgb & 0xff));
        }
    }
}
