package org.fourthpurpose.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class SplicedGzipTest {

  private static byte[] gunzip(byte[] gzipped) throws IOException {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
      return in.readAllBytes();
    }
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aHeaderAndFooterAroundAKeptMiddleUnzipToTheWholePage() throws IOException {
    byte[] before = utf8("<html><header>Signed in as ana@example.org, token 8f3a</header><main>");
    byte[] middle = utf8("<path d=\"M1 2L3 4Z\" class=\"fp-decile-3\"/>\n".repeat(20_000));
    byte[] after = utf8("</main><footer>Fourth Purpose</footer></html>");
    byte[] piece = SplicedGzip.piece(middle);

    byte[] gzipped = SplicedGzip.of(before, middle, piece, after);

    assertThat(gunzip(gzipped)).isEqualTo(concat(before, middle, after));
    // The kept middle is most of the stream: the rest only adds the compressed header and footer.
    assertThat(gzipped.length).isLessThan(piece.length + before.length + after.length + 40);
  }

  @Test
  void emptyPartsAndIncompressibleBytesStillMakeAValidStream() throws IOException {
    byte[] random = new byte[300_000];
    new Random(42).nextBytes(random);
    byte[] empty = new byte[0];

    assertThat(gunzip(SplicedGzip.of(empty, random, SplicedGzip.piece(random), empty)))
        .isEqualTo(random);
    assertThat(gunzip(SplicedGzip.of(random, empty, SplicedGzip.piece(empty), utf8("end"))))
        .isEqualTo(concat(random, utf8("end")));
  }

  @Test
  void aMiddleMayRepeatTheHeaderWithoutReferringToIt() throws IOException {
    // Deflate's back-references inside the middle reach only bytes compressed with it.
    byte[] before = utf8("abcdefghij".repeat(100));
    byte[] middle = utf8("abcdefghij".repeat(100));

    byte[] gzipped = SplicedGzip.of(before, middle, SplicedGzip.piece(middle), before);

    assertThat(gunzip(gzipped)).isEqualTo(concat(before, middle, before));
  }
}
