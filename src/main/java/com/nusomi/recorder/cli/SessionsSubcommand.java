package com.nusomi.recorder.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.nusomi.recorder.client.SessionsClient;
import com.nusomi.recorder.client.model.Session;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** What every {@code sessions} subcommand shares: the connection, {@code --json}, and the output formats. */
abstract class SessionsSubcommand implements Callable<Integer> {
    static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT);
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    @ParentCommand
    SessionsCommand parent;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--json", description = "print JSON instead of a table")
    boolean json;

    @Override
    public final Integer call() throws Exception {
        try {
            return run(parent.client());
        } finally {
            parent.connection.close();
        }
    }

    abstract int run(SessionsClient client) throws Exception;

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    void printJson(Object value) {
        try {
            out().println(JSON.writeValueAsString(value));
            out().flush();
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    void printTable(List<Session> sessions) {
        String format = "%-30s  %-24s  %-9s  %-9s  %-20s  %-20s  %9s  %6s  %6s%n";
        out().printf(format, "ID", "WORKFLOW", "STATUS", "OUTCOME", "ACTOR", "STARTED", "DURATION", "FRAMES", "EVENTS");
        for (Session s : sessions) {
            out().printf(
                            format,
                            s.id(),
                            s.workflow(),
                            s.status().wireValue(),
                            s.outcome() == null ? "-" : s.outcome().wireValue(),
                            s.actor() == null ? "-" : abbreviate(s.actor().id(), 20),
                            time(s.startedAt()),
                            duration(s.recordedMs()),
                            s.frameCount(),
                            s.eventCount());
        }
        out().flush();
    }

    static String time(Instant t) {
        return t == null ? "-" : TIME.format(t);
    }

    static String duration(long millis) {
        Duration d = Duration.ofMillis(millis);
        if (d.toHours() > 0) {
            return String.format("%dh%02dm", d.toHours(), d.toMinutesPart());
        }
        return String.format("%dm%02ds", d.toMinutes(), d.toSecondsPart());
    }

    private static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
