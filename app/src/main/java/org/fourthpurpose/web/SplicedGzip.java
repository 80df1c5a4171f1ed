package org.fourthpurpose.web;

import java.io.ByteArrayOutputStream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * One gzip stream made of a middle part compressed once and kept, with a short part before and
 * after it compressed per request: a signed-in person's page is their own header around a cached
 * body of several hundred kilobytes, and compressing the whole page again for every request costs
 * far more than the rest of serving it.
 *
 * <p>It works because a raw deflate stream ended with a sync flush stops on a byte boundary with no
 * final block, so another deflate stream may follow it directly (the technique of zlib's {@code
 * gzjoin}); the middle never refers back to the header it was not compressed with, which deflate
 * allows. The gzip trailer's CRC-32 is computed over all the uncompressed bytes, which is fast.
 */
final class SplicedGzip {

  private static final byte[] HEADER = {
    0x1f, (byte) 0x8b, Deflater.DEFLATED, 0, 0, 0, 0, 0, 0, (byte) 0xff
  };

  private SplicedGzip() {}

  /**
   * The bytes as raw deflate data that can be followed by more: ended with a sync flush, so on a
   * byte boundary and with no final block.
   */
  static byte[] piece(byte[] bytes) {
    Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
    try {
      deflater.setInput(bytes);
      ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, bytes.length / 4));
      byte[] buffer = new byte[16 * 1024];
      int n;
      // A sync flush has emptied the deflater when it leaves room in the buffer.
      do {
        n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
        out.write(buffer, 0, n);
      } while (n == buffer.length);
      return out.toByteArray();
    } finally {
      deflater.end();
    }
  }

  /**
   * A whole gzip stream of {@code before + middle + after}.
   *
   * @param middlePiece {@code middle} as made by {@link #piece}
   */
  static byte[] of(byte[] before, byte[] middle, byte[] middlePiece, byte[] after) {
    ByteArrayOutputStream out =
        new ByteArrayOutputStream(middlePiece.length + (before.length + after.length) / 3 + 64);
    out.writeBytes(HEADER);
    out.writeBytes(piece(before));
    out.writeBytes(middlePiece);
    Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
    try {
      deflater.setInput(after);
      deflater.finish();
      byte[] buffer = new byte[8 * 1024];
      while (!deflater.finished()) {
        int n = deflater.deflate(buffer);
        out.write(buffer, 0, n);
      }
    } finally {
      deflater.end();
    }
    CRC32 crc = new CRC32();
    crc.update(before);
    crc.update(middle);
    crc.update(after);
    long length = (long) before.length + middle.length + after.length;
    writeLittleEndian(out, crc.getValue());
    writeLittleEndian(out, length);
    return out.toByteArray();
  }

  private static void writeLittleEndian(ByteArrayOutputStream out, long value) {
    for (int i = 0; i < 4; i++) {
      out.write((int) (value >>> (8 * i)) & 0xff);
    }
  }
}
