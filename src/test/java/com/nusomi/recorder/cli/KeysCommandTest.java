package com.nusomi.recorder.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.nusomi.recorder.server.store.PgCluster;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code keys create|list|revoke} against a data folder of their own; they print to System.out and System.err. */
class KeysCommandTest {
    /** The outcome of one command: exit code, stdout, stderr. */
    record Run(int code, String out, String err) {
        List<String> outLines() {
            return out.lines().toList();
        }
    }

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream savedOut = System.out;
        PrintStream savedErr = System.err;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = RootCommand.commandLine().execute(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(savedOut);
            System.setErr(savedErr);
        }
    }

    @Test
    void createListAndRevokeAKey(@TempDir Path folder) throws Exception {
        Path data = folder.resolve("not-yet-there");
        Run created = run("keys", "create", "--scopes", "write,read", "--label", "ci", "--data", data.toString());
        assertThat(created.code()).as(created.err()).isZero();
        assertThat(created.outLines()).hasSize(2);
        assertThat(created.outLines().get(0))
                .matches("Created key_\\S+ with scopes read,write\\. Keep the key now: " + "it is not shown again\\.");
        String id = created.outLines().get(0).split(" ", -1)[1];
        String key = created.outLines().get(1);
        assertThat(key).matches("nsk_test_[0-9A-Za-z]{40}");

        Run listed = run("keys", "list", "--data", data.toString());
        assertThat(listed.code()).isZero();
        assertThat(listed.outLines()).hasSize(2);
        assertThat(listed.outLines().get(0)).matches("ID\\s+SCOPES\\s+CREATED\\s+STATE\\s+LABEL");
        assertThat(listed.outLines().get(1))
                .startsWith(id)
                .matches(".*\\s+read,write\\s+\\d{4}-\\d\\d-\\d\\dT\\S+Z" + "\\s+active\\s+ci")
                .doesNotContain(key);

        Run revoked = run("keys", "revoke", id, "--data", data.toString());
        assertThat(revoked.code()).isZero();
        assertThat(revoked.out()).isEqualTo("Revoked " + id + System.lineSeparator());
        assertThat(run("keys", "list", "--data", data.toString()).outLines().get(1))
                .contains("revoked");

        Run again = run("keys", "revoke", id, "--data", data.toString());
        assertThat(again.code()).isEqualTo(1);
        assertThat(again.err()).contains("no active key with id " + id);
    }

    @Test
    void anUnknownScopeIsAUsageError(@TempDir Path data) {
        Run run = run("keys", "create", "--scopes", "read,root", "--data", data.toString());
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("scopes must be among read, write, admin");
    }

    @Test
    void createListAndRevokeAKeyInATeamServersDatabase() {
        String db = PgCluster.shared().newDatabase("keys_cli").url();
        Run created = run("keys", "create", "--label", "anna", "--scopes", "read,write", "--database", db);
        assertThat(created.code()).as(created.err()).isZero();
        String id = created.outLines().get(0).split(" ", -1)[1];
        String key = created.outLines().get(1);
        assertThat(key).matches("nsk_test_[0-9A-Za-z]{40}");

        Run listed = run("keys", "list", "--database", db);
        assertThat(listed.code()).as(listed.err()).isZero();
        assertThat(listed.outLines()).hasSize(2);
        assertThat(listed.outLines().get(1)).startsWith(id).matches(".*\\s+read,write\\s+.*\\s+active\\s+anna");

        Run revoked = run("keys", "revoke", id, "--database", db);
        assertThat(revoked.code()).as(revoked.err()).isZero();
        assertThat(run("keys", "list", "--database", db).outLines().get(1)).contains("revoked");
        assertThat(run("keys", "revoke", id, "--database", db).code()).isEqualTo(1);
    }

    @Test
    void aDatabaseThatCannotBeReachedIsOneLineNotAStackTrace() {
        Run run = run("keys", "list", "--database", "mysql://nowhere/db");
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err().lines()).hasSize(1).first().asString().startsWith("error: ");
        Run both = run("keys", "list", "--database", "postgresql://127.0.0.1:1/x", "--data", "/tmp/x");
        assertThat(both.err()).contains("not both");
    }
}
