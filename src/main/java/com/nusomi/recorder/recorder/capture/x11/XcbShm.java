package com.nusomi.recorder.recorder.capture.x11;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;

/**
 * The calls of libxcb-shm (the MIT-SHM extension: the X server writes an image straight into memory it shares with
 * us) and of the C library's System V shared memory that the screen capture needs.
 */
interface XcbShm extends Library {
    /** Loaded on first use; throws {@link UnsatisfiedLinkError} where libxcb-shm is missing. */
    static XcbShm load() {
        return Native.load("xcb-shm", XcbShm.class);
    }

    /** libxcb-shm's {@code xcb_shm_id}, the extension's key for {@link Xcb#xcb_get_extension_data}. */
    static Pointer extensionId() {
        return NativeLibrary.getInstance("xcb-shm").getGlobalVariableAddress("xcb_shm_id");
    }

    Xcb.Cookie xcb_shm_attach_checked(Pointer c, int shmseg, int shmid, byte readOnly);

    Xcb.Cookie xcb_shm_detach(Pointer c, int shmseg);

    Xcb.Cookie xcb_shm_get_image(
            Pointer c,
            int drawable,
            short x,
            short y,
            short width,
            short height,
            int planeMask,
            byte format,
            int shmseg,
            int offset);

    Pointer xcb_shm_get_image_reply(Pointer c, Xcb.Cookie cookie, PointerByReference error);

    /** System V shared memory, from the C library. */
    interface LibC extends Library {
        int IPC_PRIVATE = 0;
        int IPC_CREAT = 01000;
        int IPC_RMID = 0;

        static LibC load() {
            return Native.load("c", LibC.class);
        }

        int shmget(int key, NativeLong size, int flags);

        Pointer shmat(int id, Pointer address, int flags);

        int shmdt(Pointer address);

        int shmctl(int id, int command, Pointer buffer);
    }
}
