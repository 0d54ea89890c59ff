package com.nusomi.recorder.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.nusomi.recorder.client.request.CreateSessionRequest;
import com.nusomi.recorder.export.RecordedRun;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jcodec.api.FrameGrab;
import org.jcodec.common.io.NIOUtils;
import org.jcodec.common.io.SeekableByteChannel;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code sessions export} with its options, run in-process against a run recorded on the real local server. */
class SessionsExportCommandTest {
    @TempDir
    static Path data;

    static RecordedRun run;

    @BeforeAll
    static void record() {
        run = new RecordedRun(data.resolve("server"));
    }

    @AfterAll
    static void close() {
        run.close();
    }

    record Result(int code, String out, String err) {}

    static Result export(String... args) {
        List<String> all = new ArrayList<>(List.of("sessions", "export"));
        all.addAll(List.of(args));
        all.addAll(List.of("--base-url", run.baseUrl(), "--api-key", run.adminKey()));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = RootCommand.commandLine();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int code = cmd.execute(all.toArray(String[]::new));
        return new Result(code, out.toString(), err.toString());
    }

    static List<Path> files(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }

    @Test
    void aCroppedGuideGoesToTheFileNamedWithItsPathOnStdoutAndProgressOnStderr(@TempDir Path out) throws Exception {
        Path file = out.resolve("guide.html");
        Result r = export(run.sessionId(), "--format", "html", "--crop", "--output", file.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out().strip()).isEqualTo(file.toAbsolutePath().toString());
        assertThat(r.err()).contains(run.sessionId() + ": Step 9 of 9 (100%)");
        Document doc = Jsoup.parse(Files.readString(file, StandardCharsets.UTF_8));
        assertThat(doc.select("section.step[data-kind=click] figure img")).hasSize(3);
        for (Element img : doc.select("section.step[data-kind=click] figure img")) {
            assertThat(img.attr("width")).as("cropped to half the frame").isEqualTo(String.valueOf(RecordedRun.W / 2));
            assertThat(img.attr("height")).isEqualTo(String.valueOf(RecordedRun.H / 2));
            assertThat(img.hasAttr("data-ring-x"))
                    .as("the click stays in the crop")
                    .isTrue();
        }
    }

    @Test
    void theVideoOptionsReachTheVideo(@TempDir Path out) throws Exception {
        Result r =
                export(run.sessionId(), "--format", "mp4", "--speed", "2", "--skip-idle", "--output", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        Path file = Path.of(r.out().strip());
        assertThat(file.getParent()).isEqualTo(out.toAbsolutePath());
        assertThat(file.getFileName().toString()).isEqualTo(RecordedRun.WORKFLOW + "-" + run.sessionId() + ".mp4");
        try (SeekableByteChannel ch = NIOUtils.readableChannel(file.toFile())) {
            double seconds =
                    FrameGrab.createFrameGrab(ch).getVideoTrack().getMeta().getTotalDuration();
            // 19 s of video at real speed; the last frame's 8.7 s held become 3 s; then twice as fast
            assertThat(seconds).isCloseTo((19.0 - 8.7 + 3.0) / 2, within(0.05));
        }
    }

    @Test
    void optionsOfAnotherFormatOrASpeedOutOfRangeAreUsageErrorsAndWriteNothing(@TempDir Path out) throws Exception {
        Result crop = export(run.sessionId(), "--format", "mp4", "--crop", "--output", out.toString());
        assertThat(crop.code()).isEqualTo(2);
        assertThat(crop.err()).contains("--crop is for --format html or pdf");
        Result speed = export(run.sessionId(), "--format", "pdf", "--speed", "4", "--output", out.toString());
        assertThat(speed.code()).isEqualTo(2);
        assertThat(speed.err()).contains("--format mp4");
        Result fast = export(run.sessionId(), "--format", "mp4", "--speed", "100", "--output", out.toString());
        assertThat(fast.code()).isEqualTo(2);
        assertThat(fast.err()).contains("speed must be between 1 and 64");
        assertThat(files(out)).isEmpty();
    }

    @Test
    void aVideoOfARunWithoutFramesIsAReadableErrorWithNoFileLeft(@TempDir Path out) throws Exception {
        String empty = run.client()
                .sessions()
                .create(CreateSessionRequest.builder("no_frames").build())
                .execute()
                .id();
        Path file = out.resolve("empty.mp4");
        Result r = export(empty, "--format", "mp4", "--output", file.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err())
                .contains("error: " + empty + ": ")
                .contains("has no frames")
                .doesNotContain("Exception");
        assertThat(r.out()).isEmpty();
        assertThat(files(out)).isEmpty();
    }

    @Test
    void theHelpNamesEveryOption() {
        Result r = export("--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("--format", "--output", "--crop", "--speed", "--skip-idle", "--overlays");
    }
}
