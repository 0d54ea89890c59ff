/**
 * The recording engine: screen capture, global input events and the durable upload spool. Uses the API client
 * only (no JavaFX, nothing of the server or the UI).
 *
 * <h2>Use from the app</h2>
 * <pre>{@code
 * RecorderService recorder = RecorderService.builder(client, dataDir)
 *         .server(ServerKey.of(client))       // spool in <data>/spool/<server key>: sent to that server only
 *         .listener(listener)                 // RecorderListener: state, stats, warnings, rejected, drained
 *         .spoolLimitBytes(2L << 30)          // default 2 GiB
 *         .build();                           // real screen (AWT Robot) and jnativehook hooks by default
 * List<String> resumed = recorder.recoverAll(); // uploads left by an earlier run go on
 * Recording r = recorder.start(session.id(), session.startedAt(), RecorderOptions.builder()
 *         .captureInterval(Duration.ofSeconds(1)).screen(ScreenSelection.primary()).jpegQuality(0.7f)
 *         .privacyTitlePatterns(List.of(Pattern.compile("Online Banking")))
 *         .ownWindows(() -> rectanglesOfOurWindows())   // only where windows cannot be read
 *         .build());
 * r.inputCaptureAvailable();                  // false (with inputUnavailableReason()) when headless / no hooks
 * r.restartInput();                           // after an INPUT_LOST warning (marker {"kind":"input_lost"})
 * r.pause(); r.resume();                      // marker events {"kind":"pause"} / {"kind":"resume"}
 * r.note("vendor field was empty");           // a note event
 * r.tag("submitted_for_approval", "{\"approver\":\"anna@acme.com\"}");
 * r.stop().thenRun(...);                      // completes when drained and the stop is acknowledged
 * recorder.close();                           // app exit: whatever is pending stays for the next start
 * }</pre>
 *
 * <h2>Input</h2>
 * The jnativehook hook is process-wide: {@link com.nusomi.recorder.recorder.input.GlobalInputHook} registers it
 * once, with a dispatcher of its own, and keeps it until the app exits; recordings only add and remove listeners,
 * so rebuilding the service (a connection switch) leaves it alone. Every second a recording asks its input
 * source whether input still arrives; when not, it writes a marker event {@code {"kind":"input_lost"}} and warns
 * ({@code INPUT_LOST}); {@code restartInput()} registers the hook again ({@code {"kind":"input_restored"}}).
 *
 * <h2>Masks</h2>
 * Before and after every capture the {@link com.nusomi.recorder.recorder.capture.WindowLocator} reads the desktop's
 * windows in stacking order; this process's windows and those whose title matches a privacy pattern are blacked
 * out where they are visible (their frame, title bar included, minus every window above them). When the windows
 * cannot be read while privacy patterns are set, or a private window's frame is unknown, the whole frame is
 * blacked out and a warning says so. Clicks on the recorder's own windows and keys typed into them are not
 * recorded as work.
 *
 * <h2>Guarantees</h2>
 * Every frame, event batch, tag and stop is written and forced to disk before it counts as recorded, then uploaded
 * with the idempotency key stored in its journal entry; the stop goes after everything before it. Connection
 * failures and 5xx wait and retry for ever (backoff up to 5 s); entries the server refuses for good go to the
 * session's rejected list on disk and are reported. Key events carry counts and modifiers, never the characters,
 * unless {@link com.nusomi.recorder.recorder.RecorderOptions#recordKeyText()} is on.
 */
package com.nusomi.recorder.recorder;
