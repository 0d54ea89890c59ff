package com.nusomi.recorder.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nusomi.recorder.server.ServerConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * serve warns when it would listen beyond loopback: the API is plain HTTP; the database password comes from a file
 * or the environment, never from the command line.
 */
class ServeCommandTest {
    @TempDir
    Path temp;

    @Test
    void theDatabasePasswordIsTheFilesFirstLineBeforeTheEnvironment() throws IOException {
        Path file = Files.writeString(temp.resolve("pw"), "s3cret pass\nignored\n");
        String url = "postgresql://db:5432/sessions?user=rec";

        assertThat(ServeCommand.databasePassword(url, file, "from-env")).isEqualTo("s3cret pass");
        assertThat(ServeCommand.databasePassword(url, null, "from-env")).isEqualTo("from-env");
        assertThat(ServeCommand.databasePassword(url, null, "")).isNull();
        assertThat(ServeCommand.databasePassword(null, null, "from-env")).isNull();
    }

    @Test
    void aPasswordFileWithoutADatabaseIsRefused() throws IOException {
        Path file = Files.writeString(temp.resolve("pw"), "x");

        assertThatThrownBy(() -> ServeCommand.databasePassword(null, file, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--database");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "::", "192.168.1.20", "10.0.0.1"})
    void aNonLoopbackBindIsWarnedAbout(String bind) {
        assertThat(ServeCommand.bindWarning(bind)).contains("plain HTTP").contains(bind);
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.1.2.3", "localhost", "::1"})
    void aLoopbackBindIsNot(String bind) {
        assertThat(ServeCommand.bindWarning(bind)).isNull();
    }

    @Test
    void thePoliciesOfTheCommandLineReachTheServersConfiguration() {
        ServerConfig config = ServeCommand.policies(ServerConfig.builder().dataDir(temp), "90d", "12h", "100/s")
                .build();

        assertThat(config.retention()).isEqualTo(Duration.ofDays(90));
        assertThat(config.autoStopAbandoned()).isEqualTo(Duration.ofHours(12));
        assertThat(config.rateLimit()).hasToString("100/s");
        ServerConfig off = ServeCommand.policies(ServerConfig.builder().dataDir(temp), null, null, null)
                .build();
        assertThat(off.retention()).isNull();
        assertThat(off.autoStopAbandoned()).isNull();
        assertThat(off.rateLimit()).isNull();
    }

    @Test
    void badPoliciesAreRefusedWithTheOptionNamed() {
        assertThatThrownBy(() -> ServeCommand.policies(ServerConfig.builder(), "1y", null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--retention");
        assertThatThrownBy(() -> ServeCommand.policies(ServerConfig.builder(), null, "12", null))
                .hasMessageContaining("--auto-stop-abandoned");
        assertThatThrownBy(() -> ServeCommand.policies(ServerConfig.builder(), null, null, "100"))
                .hasMessageContaining("100/s");
    }

    @Test
    void framesTakesAFolderThatTheServersConfigurationKeepsElseTheDataFoldersOwn() {
        ServeCommand command = new ServeCommand();
        new CommandLine(command).parseArgs("--data", temp.toString(), "--frames", "/mnt/shared/frames");

        assertThat(command.frames).isEqualTo(Path.of("/mnt/shared/frames"));
        assertThat(ServerConfig.builder()
                        .dataDir(temp)
                        .framesDir(command.frames)
                        .build()
                        .framesDir())
                .isEqualTo(Path.of("/mnt/shared/frames"));
        assertThat(ServerConfig.builder().dataDir(temp).framesDir(null).build().framesDir())
                .isEqualTo(temp.resolve("frames"));
        String help = new CommandLine(new ServeCommand()).getUsageMessage();
        assertThat(help).contains("--frames=DIR", "folder for the frame images");
    }

    @Test
    void serveHelpNamesThePolicies() {
        String help = new CommandLine(new ServeCommand()).getUsageMessage();

        assertThat(help).contains("--retention=DURATION", "--auto-stop-abandoned=DURATION", "--rate-limit=RATE");
    }

    @Test
    void serveAloneExplainsAndRefusesAsTheWholeCommandLineDoes() {
        CommandLine whole = RootCommand.commandLine();
        CommandLine alone = RootCommand.serveCommandLine();

        assertThat(alone.getSubcommands()).containsOnlyKeys("serve");
        assertThat(alone.getSubcommands().get("serve").getUsageMessage())
                .isEqualTo(whole.getSubcommands().get("serve").getUsageMessage())
                .contains("Usage: session-recorder serve");
        for (String[] args : new String[][] {
            {"serve", "--port", "not-a-port"}, {"serve", "--no-such-option"}, {"serve", "--port", "1", "--port", "2"}
        }) {
            assertThat(parseError(alone, args)).as(String.join(" ", args)).isEqualTo(parseError(whole, args));
        }
    }

    private static String parseError(CommandLine cmd, String[] args) {
        try {
            cmd.parseArgs(args);
            return "parsed";
        } catch (CommandLine.ParameterException e) {
            return e.getMessage();
        }
    }
}
