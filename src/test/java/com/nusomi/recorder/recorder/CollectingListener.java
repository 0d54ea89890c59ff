package com.nusomi.recorder.recorder;

import com.nusomi.recorder.recorder.spool.EntryInfo;
import com.nusomi.recorder.recorder.spool.EntryKind;
import com.nusomi.recorder.recorder.spool.RejectedEntry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** Keeps everything the recorder reports, for assertions. */
final class CollectingListener implements RecorderListener {
    final List<EntryInfo> recorded = Collections.synchronizedList(new ArrayList<>());
    final List<EntryInfo> uploaded = Collections.synchronizedList(new ArrayList<>());
    final List<RejectedEntry> rejected = Collections.synchronizedList(new ArrayList<>());
    final List<RecorderWarning> warnings = Collections.synchronizedList(new ArrayList<>());
    final List<RecordingState> states = Collections.synchronizedList(new ArrayList<>());
    final List<Exception> captureErrors = Collections.synchronizedList(new ArrayList<>());
    final Set<String> drained = ConcurrentHashMap.newKeySet();
    volatile RecorderStats lastStats;

    @Override
    public void onStateChanged(String sessionId, RecordingState state) {
        states.add(state);
    }

    @Override
    public void onStats(RecorderStats stats) {
        lastStats = stats;
    }

    @Override
    public void onRecorded(EntryInfo entry) {
        recorded.add(entry);
    }

    @Override
    public void onUploaded(EntryInfo entry) {
        uploaded.add(entry);
    }

    @Override
    public void onRejected(RejectedEntry r) {
        rejected.add(r);
    }

    @Override
    public void onCaptureError(String sessionId, Exception error) {
        captureErrors.add(error);
    }

    @Override
    public void onWarning(RecorderWarning warning) {
        warnings.add(warning);
    }

    @Override
    public void onDrained(String sessionId, boolean stopAcknowledged) {
        drained.add(sessionId);
    }

    long framesRecorded() {
        synchronized (recorded) {
            return recorded.stream().filter(e -> e.kind() == EntryKind.FRAME).count();
        }
    }

    List<Long> recordedSeqs() {
        synchronized (recorded) {
            return recorded.stream()
                    .filter(e -> e.kind() == EntryKind.FRAME)
                    .map(EntryInfo::frameSeq)
                    .collect(Collectors.toList());
        }
    }

    List<String> recordedEventIds() {
        synchronized (recorded) {
            return recorded.stream().flatMap(e -> e.eventIds().stream()).collect(Collectors.toList());
        }
    }

    boolean warned(RecorderWarning.Kind kind) {
        synchronized (warnings) {
            return warnings.stream().anyMatch(w -> w.kind() == kind);
        }
    }
}
