package com.nusomi.recorder.export;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.jcodec.codecs.h264.H264Encoder;
import org.jcodec.common.Codec;
import org.jcodec.common.MuxerTrack;
import org.jcodec.common.VideoCodecMeta;
import org.jcodec.common.VideoEncoder;
import org.jcodec.common.io.FileChannelWrapper;
import org.jcodec.common.io.NIOUtils;
import org.jcodec.common.model.ColorSpace;
import org.jcodec.common.model.Packet;
import org.jcodec.common.model.Picture;
import org.jcodec.common.model.Size;
import org.jcodec.containers.mp4.muxer.MP4Muxer;

/**
 * H.264 in an MP4 file with JCodec (pure Java). Each picture is one sample that lasts as long as it is shown, on a
 * millisecond time base: a frame held for a minute is encoded once, not 600 times (decision 0015). Motion search
 * is off: screen pictures seldom move, and it costs more than half the encoding time.
 */
final class H264Writer implements Closeable {
    private static final int TIMESCALE = 1000;

    private final FileChannelWrapper channel;
    private final MP4Muxer muxer;
    private final MuxerTrack track;
    private final H264Encoder encoder;
    private final ByteBuffer buffer;
    private long samples;
    private long lastEnd;

    H264Writer(Path file, int width, int height) throws IOException {
        this(file, width, height, 0);
    }

    /** A writer with JCodec's motion search over {@code motionSearchRange} pixels (0: off). */
    H264Writer(Path file, int width, int height, int motionSearchRange) throws IOException {
        channel = NIOUtils.writableChannel(file.toFile());
        muxer = MP4Muxer.createMP4MuxerToChannel(channel);
        track = muxer.addVideoTrack(
                Codec.H264, VideoCodecMeta.createSimpleVideoCodecMeta(new Size(width, height), ColorSpace.YUV420J));
        encoder = H264Encoder.createH264Encoder();
        encoder.setMotionSearchRange(motionSearchRange);
        buffer = ByteBuffer.allocate(width * height * 3);
    }

    /** Adds {@code picture}, shown from {@code fromMs} to {@code toMs}. */
    void add(Picture picture, long fromMs, long toMs) throws IOException {
        buffer.clear();
        VideoEncoder.EncodedFrame encoded = encoder.encodeFrame(picture, buffer);
        track.addFrame(Packet.createPacket(
                encoded.getData(),
                fromMs,
                TIMESCALE,
                toMs - fromMs,
                samples++,
                encoded.isKeyFrame() ? Packet.FrameType.KEY : Packet.FrameType.INTER,
                null));
        lastEnd = toMs;
    }

    /** How many pictures were added. */
    long samples() {
        return samples;
    }

    /** The video's length so far, in ms. */
    long durationMs() {
        return lastEnd;
    }

    /** Writes the file's index; the file is complete after this. */
    void finish() throws IOException {
        muxer.finish();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
