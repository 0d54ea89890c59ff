package com.nusomi.recorder;

import com.nusomi.recorder.cli.RootCommand;
import picocli.CommandLine;

/** The one entry point of the jar: the GUI (default, once it lands), {@code serve}, {@code keys}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        int code = RootCommand.commandLine().execute(args);
        if (code != 0 || args.length == 0 || !"serve".equals(args[0])) {
            System.exit(code);
        }
    }

    static CommandLine commandLine() {
        return RootCommand.commandLine();
    }
}
