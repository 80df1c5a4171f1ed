package org.fourthpurpose.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class PublicPageCompressionTest {

  private static MockHttpServletRequest acceptEncoding(String value) {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/ics/QYG");
    if (value != null) {
      request.addHeader("Accept-Encoding", value);
    }
    return request;
  }

  @Test
  void sendsGzipOnlyToThoseWhoAcceptIt() {
    assertThat(PublicPageCache.acceptsGzip(acceptEncoding("gzip, deflate, br, zstd"))).isTrue();
    assertThat(PublicPageCache.acceptsGzip(acceptEncoding("br;q=1.0, GZIP;q=0.5"))).isTrue();
    assertThat(PublicPageCache.acceptsGzip(acceptEncoding("*"))).isTrue();
    assertThat(PublicPageCache.acceptsGzip(acceptEncoding(null))).isFalse();
    assertThat(PublicPageCache.acceptsGzip(acceptEncoding("identity"))).isFalse();
    assertThat(PublicPageCache.acceptsGzip(acceptEncoding("br, gzip;q=0"))).isFalse();
    assertThat(PublicPageCache.acceptsGzip(acceptEncoding("gzip; q=0.000"))).isFalse();
  }

  @Test
  void compressesTextOnceAndLeavesSmallOrCompressedBodiesAlone() throws IOException {
    byte[] page = "<p>Neighbourhood</p>\n".repeat(500).getBytes(StandardCharsets.UTF_8);

    byte[] gzipped = PublicPageCache.gzipped(page, "text/html;charset=UTF-8");

    assertThat(gzipped.length).isLessThan(page.length / 20);
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
      assertThat(in.readAllBytes()).isEqualTo(page);
    }
    assertThat(PublicPageCache.gzipped(page, "application/json")).isNotNull();
    assertThat(PublicPageCache.gzipped("<p>small</p>".getBytes(), "text/html")).isNull();
    assertThat(
            PublicPageCache.gzipped(
                page, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
        .isNull();
  }
}
