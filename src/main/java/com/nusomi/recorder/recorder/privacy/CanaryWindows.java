package com.nusomi.recorder.recorder.privacy;

import java.awt.Color;
import java.awt.EventQueue;
import java.awt.Frame;
import java.awt.Toolkit;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The privacy check's canary windows, shown by a process of their own so that they are not the recorder's own
 * windows: plain AWT frames, decorated by the window manager, each filled with one colour. Arguments: one
 * {@link Canary#spec()} per window, shown in order (the last one on top). The checking process sees them appear
 * on the desktop; they close, and this exits, when its standard input ends (the checking process closes it, or
 * dies).
 */
public final class CanaryWindows {
    private CanaryWindows() {}

    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "false");
        List<Frame> frames = new ArrayList<>();
        for (String arg : args) {
            Canary c = Canary.parse(arg);
            EventQueue.invokeAndWait(() -> {
                Frame f = new Frame(c.title());
                f.setBackground(new Color(c.rgb()));
                f.setBounds(c.bounds());
                f.setVisible(true);
                frames.add(f);
            });
            Toolkit.getDefaultToolkit().sync();
        }
        InputStream in = System.in;
        try {
            while (in.read() >= 0) {
                // wait for the end of the input
            }
        } catch (IOException closed) {
            // the same as its end
        }
        EventQueue.invokeAndWait(() -> frames.forEach(Frame::dispose));
        System.exit(0);
    }
}
