-- Frame redaction [ext]: what a redaction changed in a frame. original_sha256 is the hash of the image as it was
-- uploaded (its bytes are erased; a recorder's retry of that upload is still recognised by it), rects the
-- rectangles painted black so far, clipped to the image, as a JSON array of [x, y, width, height]: painting them
-- again changes nothing.
CREATE TABLE frame_redactions (
    session_id       TEXT    NOT NULL,
    seq              BIGINT  NOT NULL,
    original_sha256  TEXT    NOT NULL,
    rects            TEXT    NOT NULL,
    PRIMARY KEY (session_id, seq)
);
