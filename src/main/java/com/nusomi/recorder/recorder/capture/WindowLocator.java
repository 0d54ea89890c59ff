package com.nusomi.recorder.recorder.capture;

/**
 * Reads the desktop's windows through the platform's own calls (no helper programs): the visible top-level windows
 * in stacking order with their on-screen frames, titles and owning processes, and the active window. The recorder
 * asks for a {@link #snapshot()} before every capture to mask its own and private windows where they are visible,
 * and at each click for the window it landed in.
 *
 * <p>Implementations: {@code X11WindowLocator} (XCB through JNA), {@code Win32WindowLocator} (user32 and DWM) and
 * {@code MacWindowLocator} (CoreGraphics' window list); {@link WindowLocators#forThisPlatform()} picks one.
 * {@link #NONE} sees nothing and says so through {@link #supported()}. Calls may come from any thread; an
 * implementation serialises them itself.
 */
public interface WindowLocator extends AutoCloseable {
    /** Sees no window: where the platform has no locator (a Wayland session, headless Java). */
    WindowLocator NONE = new WindowLocator() {
        @Override
        public DesktopSnapshot snapshot() {
            return DesktopSnapshot.EMPTY;
        }

        @Override
        public boolean supported() {
            return false;
        }

        @Override
        public String describe() {
            return "no window lookup on this platform";
        }
    };

    /**
     * The visible top-level windows now, topmost first.
     *
     * @throws WindowLookupException when the desktop cannot be read at all (masks then fail closed)
     */
    DesktopSnapshot snapshot() throws WindowLookupException;

    /** False for a locator that sees no window at all ({@link #NONE}). */
    default boolean supported() {
        return true;
    }

    /** What this locator reads, for the log and the privacy check ("X11 (XCB) on :0"). */
    String describe();

    /** The active window's title, or null when unknown or unreadable. */
    default String activeWindowTitle() {
        try {
            DesktopWindow w = snapshot().active();
            return w == null ? null : w.title();
        } catch (WindowLookupException e) {
            return null;
        }
    }

    /** Releases the native connection, if any. */
    @Override
    default void close() {}
}
