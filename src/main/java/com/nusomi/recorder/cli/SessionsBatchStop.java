package com.nusomi.recorder.cli;

import com.nusomi.recorder.client.SessionsClient;
import com.nusomi.recorder.client.model.BatchStopResult;
import com.nusomi.recorder.client.model.Session;
import com.nusomi.recorder.client.model.SessionStatus;
import com.nusomi.recorder.client.request.SessionQuery;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * {@code sessions batch-stop}: stops many sessions through {@code sessions:batch_stop}, 1,000 ids a call. The ids
 * come from the arguments, from stdin ({@code -}), or from {@code --abandoned-for 6h}: sessions still recording
 * that started longer ago than that (the API's {@code since} durations, and {@code 0s}: every recording session). {@code --dry-run} lists what would be stopped and stops nothing.
 */
@Command(
        name = "batch-stop",
        mixinStandardHelpOptions = true,
        description = "Stop many sessions at once (ids as arguments, '-' for stdin, or --abandoned-for).")
final class SessionsBatchStop extends SessionsSubcommand {
    static final int CHUNK = 1000;
    private static final Pattern DURATION = Pattern.compile("(0|[1-9][0-9]{0,5})([smhdw])");

    @Parameters(paramLabel = "ID", arity = "0..*", description = "session ids; '-' reads them from stdin")
    List<String> ids = new ArrayList<>();

    @Option(
            names = "--abandoned-for",
            paramLabel = "DURATION",
            description = "stop sessions recording for longer than this: 0s (all), 90s, 30m, 6h, 2d, 1w")
    String abandonedFor;

    @Option(names = "--dry-run", description = "show what would be stopped; stop nothing")
    boolean dryRun;

    @Override
    int run(SessionsClient client) throws IOException {
        Set<String> targets = new LinkedHashSet<>();
        if (abandonedFor != null) {
            if (!ids.isEmpty()) {
                throw new ParameterException(spec.commandLine(), "give ids or --abandoned-for, not both");
            }
            Duration age = parse(abandonedFor);
            Instant cutoff = Instant.now().minus(age);
            // Started before the cutoff means created before it too: the until filter narrows the list early.
            SessionQuery query = SessionQuery.builder()
                    .status(SessionStatus.RECORDING)
                    .until(cutoff)
                    .limit(500)
                    .build();
            for (Session s : client.sessions().listAll(query)) {
                if (s.startedAt() != null && s.startedAt().isBefore(cutoff)) {
                    targets.add(s.id());
                }
            }
            err().println(targets.size() + (targets.size() == 1 ? " session" : " sessions")
                    + " recording for longer than " + abandonedFor);
        } else {
            for (String id : ids) {
                if (id.equals("-")) {
                    targets.addAll(readStdin());
                } else {
                    targets.add(id);
                }
            }
            if (targets.isEmpty()) {
                throw new ParameterException(
                        spec.commandLine(),
                        "no session ids: give them as arguments, '-' to "
                                + "read them from stdin, or use --abandoned-for");
            }
        }
        err().flush();
        if (dryRun) {
            if (json) {
                printJson(Map.of("would_stop", targets));
            } else {
                targets.forEach(out()::println);
                out().flush();
            }
            return 0;
        }
        List<String> all = new ArrayList<>(targets);
        List<Session> stopped = new ArrayList<>();
        List<BatchStopResult.Failure> failures = new ArrayList<>();
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
            BatchStopResult result = client.sessions().batchStop(chunk).execute();
            stopped.addAll(result.data());
            failures.addAll(result.errors());
            if (all.size() > CHUNK) {
                err().println("… " + Math.min(all.size(), from + CHUNK) + " of " + all.size());
                err().flush();
            }
        }
        if (json) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("data", stopped);
            out.put("errors", failures);
            printJson(out);
        } else {
            printTable(stopped);
            for (BatchStopResult.Failure f : failures) {
                err().println("not stopped: " + f.id() + ": " + f.code() + " "
                        + f.error().message());
            }
            err().println(stopped.size() + " stopped, " + failures.size() + " failed");
            err().flush();
        }
        return failures.isEmpty() ? 0 : SessionsCommand.API_ERROR;
    }

    private Duration parse(String text) {
        Matcher m = DURATION.matcher(text);
        if (!m.matches()) {
            throw new ParameterException(
                    spec.commandLine(), "--abandoned-for takes a duration such as 0s, 90s, 30m, 6h, 2d, 1w");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            default -> Duration.ofDays(7 * n);
        };
    }

    private static List<String> readStdin() throws IOException {
        List<String> out = new ArrayList<>();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            for (String token : line.trim().split("[\\s,]+", -1)) {
                if (!token.isEmpty()) {
                    out.add(token);
                }
            }
        }
        return out;
    }
}
