package com.nusomi.recorder.cli;

import com.nusomi.recorder.files.DataFolder;
import com.nusomi.recorder.server.KeyAdmin;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.ToIntFunction;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code keys create|list|revoke}: manage the server's API keys, straight in its data folder or, with
 * {@code --database}, in a team server's PostgreSQL database, through {@link KeyAdmin}.
 */
@Command(
        name = "keys",
        mixinStandardHelpOptions = true,
        description = "Manage the server's API keys (a data folder's, or a team server's database's with --database).",
        subcommands = {KeysCommand.Create.class, KeysCommand.ListKeys.class, KeysCommand.Revoke.class})
final class KeysCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Where the keys are, shared by the key commands: a data folder, or a team server's PostgreSQL database. */
    static class DataOption {
        @Option(names = "--data", paramLabel = "DIR", description = "data folder (default: the app's data folder)")
        Path data;

        @Option(
                names = "--database",
                paramLabel = "URL",
                description = "the PostgreSQL database of a team server, as serve takes it: "
                        + "postgresql://HOST:PORT/DB?user=U (the password from $PGPASSWORD or "
                        + "--database-password-file); instead of a data folder")
        String database;

        @Option(
                names = "--database-password-file",
                paramLabel = "FILE",
                description = "a file holding the database password (its first line); else $PGPASSWORD")
        Path passwordFile;

        /**
         * Runs the work on the key store, closed after; a store that cannot be opened (a bad URL, a database that
         * does not answer) is one line on stderr and exit code 1, never a stack trace.
         */
        int withKeys(ToIntFunction<KeyAdmin> work) {
            KeyAdmin keys;
            try {
                keys = open();
            } catch (RuntimeException e) {
                System.err.println("error: " + e.getMessage());
                return 1;
            }
            try (keys) {
                return work.applyAsInt(keys);
            }
        }

        private KeyAdmin open() {
            if (database == null) {
                if (passwordFile != null) {
                    throw new IllegalArgumentException("--database-password-file needs --database");
                }
                return KeyAdmin.open(DataFolder.resolve(data));
            }
            if (data != null) {
                throw new IllegalArgumentException("give --data or --database, not both");
            }
            try {
                return KeyAdmin.open(
                        database, ServeCommand.databasePassword(database, passwordFile, System.getenv("PGPASSWORD")));
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read the database password file: " + e.getMessage(), e);
            }
        }
    }

    @Command(
            name = "create",
            mixinStandardHelpOptions = true,
            description = "Create a key; the key is printed once, as the last line, and never stored.")
    static final class Create extends DataOption implements Callable<Integer> {
        @Option(names = "--scopes", split = ",", required = true, description = "read, write and/or admin")
        List<String> scopes;

        @Option(names = "--label", description = "a note to recognise the key by")
        String label;

        @Override
        public Integer call() {
            Set<String> wanted = new LinkedHashSet<>(scopes);
            if (!KeyAdmin.SCOPES.containsAll(wanted)) {
                System.err.println("error: scopes must be among read, write, admin");
                return 2;
            }
            return withKeys(keys -> {
                KeyAdmin.Created created = keys.create(wanted, label);
                System.out.println("Created " + created.key().id() + " with scopes "
                        + String.join(",", created.key().scopes()) + ". Keep the key now: it is not shown again.");
                System.out.println(created.secret());
                return 0;
            });
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List keys (never the keys themselves).")
    static final class ListKeys extends DataOption implements Callable<Integer> {
        @Override
        public Integer call() {
            return withKeys(admin -> {
                List<KeyAdmin.Key> keys = admin.list();
                System.out.printf("%-30s  %-16s  %-24s  %-8s  %s%n", "ID", "SCOPES", "CREATED", "STATE", "LABEL");
                for (KeyAdmin.Key k : keys) {
                    System.out.printf(
                            "%-30s  %-16s  %-24s  %-8s  %s%n",
                            k.id(),
                            String.join(",", k.scopes()),
                            k.createdAt(),
                            k.revoked() ? "revoked" : "active",
                            k.label() == null ? "" : k.label());
                }
                return 0;
            });
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a key by its id.")
    static final class Revoke extends DataOption implements Callable<Integer> {
        @Parameters(paramLabel = "ID", description = "the key's id (key_...)")
        String id;

        @Override
        public Integer call() {
            return withKeys(keys -> {
                if (!keys.revoke(id)) {
                    System.err.println("error: no active key with id " + id);
                    return 1;
                }
                System.out.println("Revoked " + id);
                return 0;
            });
        }
    }
}
