package com.nusomi.recorder.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import com.nusomi.recorder.app.connection.ConnectionState;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The status bar never says the same thing twice. */
class StatusViewModelTest {
    private static String shown(StatusViewModel vm) {
        return vm.textProperty().get() + " " + vm.detailProperty().get();
    }

    private static int times(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }

    @Test
    void aServerNotAnsweringIsSaidOnce() {
        StatusViewModel vm = new StatusViewModel();
        vm.update(new ConnectionState(ConnectionState.Phase.OFFLINE, "Local server", null, "not answering"));
        assertThat(times(shown(vm), "not answering")).isEqualTo(1);
        assertThat(vm.textProperty().get()).isEqualTo("Local server · not answering");
        assertThat(vm.detailProperty().get()).isEmpty();
    }

    @Test
    void aReasonThatAddsSomethingIsKept() {
        StatusViewModel vm = new StatusViewModel();
        vm.update(new ConnectionState(ConnectionState.Phase.OFFLINE, "Local server", null, "health says degraded"));
        assertThat(vm.detailProperty().get()).isEqualTo("health says degraded");
        vm.update(new ConnectionState(ConnectionState.Phase.FAILED, "https://x.example", null, "Connection refused"));
        assertThat(vm.textProperty().get()).isEqualTo("Could not connect · https://x.example");
        assertThat(vm.detailProperty().get()).isEqualTo("Connection refused");
        vm.update(new ConnectionState(ConnectionState.Phase.ONLINE, "Local server", "0.1.0", null));
        assertThat(vm.detailProperty().get()).isEqualTo("server 0.1.0");
    }
}
