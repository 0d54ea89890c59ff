package com.nusomi.recorder.export.steps;

import static org.assertj.core.api.Assertions.assertThat;

import com.nusomi.recorder.client.model.Event;
import com.nusomi.recorder.client.model.Frame;
import com.nusomi.recorder.client.model.Session;
import com.nusomi.recorder.client.model.SessionStatus;
import com.nusomi.recorder.client.model.Tag;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The steps model on runs made up in memory: what a guide says for each kind of event. */
class StepsTest {
    private static final Instant T0 = Instant.parse("2026-05-07T14:00:00Z");

    private static Instant at(long ms) {
        return T0.plusMillis(ms);
    }

    private static Session session(Instant stoppedAt, List<Tag> tags) {
        return new Session(
                "ses_1",
                "wf",
                SessionStatus.SEALED,
                null,
                null,
                Map.of(),
                null,
                T0,
                stoppedAt,
                0,
                0,
                0,
                0,
                T0,
                null,
                null,
                tags,
                List.of(),
                false,
                null);
    }

    private static Event event(String type, long ms, Map<String, Object> data) {
        return new Event("evt_" + ms, type, at(ms), ms, data);
    }

    private static Frame frame(long seq, long ms) {
        return new Frame(seq, at(ms), ms, 1600, 1000, "image/png", 10, "sha" + seq);
    }

    private static List<Step> steps(Session s, List<Event> events, List<Frame> frames) {
        List<Step> out = new ArrayList<>();
        Steps.of(s, () -> events, () -> frames).forEach(out::add);
        return out;
    }

    @Test
    void recordedCharactersShowAsTextAndControlKeysAsShortcuts() {
        List<Event> events = List.of(
                event("key", 1_000, Map.of("keys", 5, "modifiers", List.of("shift"), "text", "Hello")),
                event("click", 2_000, Map.of("button", "primary")),
                event("key", 3_000, Map.of("keys", 1, "modifiers", List.of("ctrl"), "text", "\u0013")));
        Steps steps = Steps.of(session(at(4_000), List.of()), () -> events, List::of);
        assertThat(steps.survey(() -> {}).keyCharactersRecorded()).isTrue();
        assertThat(steps(session(at(4_000), List.of()), events, List.of()))
                .extracting(Step::caption)
                .containsExactly("Typed \"Hello\"", "Click (primary)", "Ctrl+S");
    }

    @Test
    void withoutCharactersOnlyCountsAndHeldModifiersAreSaid() {
        List<Event> events = List.of(
                event("key", 1_000, Map.of("keys", 1, "modifiers", List.of())),
                event("window_focus", 1_100, Map.of("window", "x")),
                event("key", 1_200, Map.of("keys", 3, "modifiers", List.of("alt", "ctrl"))),
                event("note", 2_000, Map.of("text", "a\nb")),
                event("key", 3_000, Map.of("keys", 1, "modifiers", List.of("ctrl", "shift"))));
        List<Step> steps = steps(session(at(4_000), List.of()), events, List.of());
        assertThat(steps)
                .extracting(Step::caption)
                .containsExactly("Typed 4 keys (with Ctrl+Alt held)", "Note: a b", "Pressed a Ctrl+Shift shortcut");
        assertThat(steps.get(1).detail()).isEqualTo("a\nb");
        assertThat(steps).noneMatch(Step::typedText);
    }

    @Test
    void aPauseComesBeforeWhatHappenedDuringItAndAnOpenOneLastsToTheStop() {
        Tag during = new Tag("tag_1", "ses_1", "checked", Map.of("by", "me"), at(5_000), 5_000L, null);
        List<Event> events = List.of(
                event("marker", 1_000, Map.of("kind", "pause")),
                event("marker", 61_000, Map.of("kind", "resume")),
                event("click", 62_000, Map.of("button", "secondary")),
                event("marker", 70_000, Map.of("kind", "pause")));
        List<Step> steps = steps(session(at(70_000 + 3_605_000), List.of(during)), events, List.of());
        assertThat(steps)
                .extracting(Step::caption)
                .containsExactly(
                        "Recording paused for 1 min",
                        "Tag \"checked\"",
                        "Click (secondary)",
                        "Recording paused for 1 h");
        assertThat(steps).extracting(Step::number).containsExactly(1, 2, 3, 4);
        assertThat(steps.get(0).durationMs()).isEqualTo(60_000);
        assertThat(steps.get(1).detail()).isEqualTo("by: me");
        assertThat(steps.get(3).durationMs()).isEqualTo(3_605_000);
    }

    @Test
    void aClickShowsTheFirstFrameAtOrAfterItElseTheLastBefore() {
        List<Frame> frames = List.of(frame(0, 500), frame(1, 1_000), frame(2, 1_300), frame(3, 5_000));
        List<Event> events = List.of(
                event("click", 1_000, Map.of("frame_x", 10, "frame_y", 20)),
                event("click", 1_200, Map.of()),
                event("click", 9_000, Map.of("frame_x", 1, "frame_y", 2)));
        List<Step> steps = steps(session(at(10_000), List.of()), events, frames);
        assertThat(steps).extracting(s -> s.frame().seq()).containsExactly(1L, 2L, 3L);
        assertThat(steps.get(0).hasClickPoint()).isTrue();
        assertThat(steps.get(1).hasClickPoint()).as("outside the captured area").isFalse();
        assertThat(steps).extracting(Step::offsetMs).containsExactly(1_000L, 1_200L, 9_000L);
    }

    @Test
    void aCroppedPictureKeepsTheAreaAroundTheClickWithTheRingOnIt() throws IOException {
        BufferedImage big = new BufferedImage(1600, 1000, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = big.createGraphics();
        g.setColor(Color.BLUE);
        g.fillRect(0, 0, 1600, 1000);
        g.setColor(Color.GREEN);
        g.fillRect(1500, 0, 100, 1000);
        g.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(big, "png", png);
        Step click = new Step(1, StepKind.CLICK, T0, 0, "Click", null, frame(0, 0), 1450, 900, 0, false);

        StepPicture cropped = StepPicture.render(click, png.toByteArray(), true, 1280);
        assertThat(cropped.width()).isEqualTo(StepPicture.CROP_WIDTH);
        assertThat(cropped.height()).isEqualTo(StepPicture.CROP_HEIGHT);
        assertThat(cropped.ringX()).isEqualTo(1450 - 800 + 1);
        assertThat(cropped.ringY()).isEqualTo(900 - 500 + 1);
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(cropped.jpeg()));
        assertThat(new Color(back.getRGB(cropped.ringX() + ClickRing.RADIUS, cropped.ringY())).getRed())
                .isGreaterThan(170);
        assertThat(new Color(back.getRGB(790, 10)).getGreen())
                .as("the right edge, kept")
                .isGreaterThan(170);

        StepPicture whole = StepPicture.render(click, png.toByteArray(), false, 1280);
        assertThat(whole.width()).isEqualTo(1280);
        assertThat(whole.height()).isEqualTo(800);
        assertThat(whole.ringX()).isEqualTo(Math.round(1450.5f * 0.8f));
    }
}
