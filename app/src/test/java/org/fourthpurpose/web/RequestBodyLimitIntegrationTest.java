package org.fourthpurpose.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.fourthpurpose.ApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.util.unit.DataSize;

/** Every request body has a limit, whether or not it says how long it is. */
@ApplicationTest
class RequestBodyLimitIntegrationTest {

  @LocalServerPort int port;
  @Autowired RequestBodyLimit limit;

  final HttpClient http = HttpClient.newHttpClient();

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  /** A body of valid CSV rows, sent without a length (chunked), that never ends by itself. */
  static InputStream endlessTable(long bytes) {
    byte[] row = "E54000008,120,1000\n".getBytes(StandardCharsets.US_ASCII);
    byte[] header = "area,numerator,denominator\n".getBytes(StandardCharsets.US_ASCII);
    return new InputStream() {
      long sent;

      @Override
      public int read() {
        if (sent >= bytes) {
          return -1;
        }
        long at = sent++;
        return at < header.length
            ? header[(int) at]
            : row[(int) ((at - header.length) % row.length)];
      }
    };
  }

  @Test
  void eachKindOfRouteHasItsLimit() {
    assertThat(limit.limitFor("/api/v1/workspaces/E54000008/indicators/imports"))
        .isEqualTo(DataSize.ofMegabytes(200));
    assertThat(limit.limitFor("/workspaces/E54000008/indicators/imports"))
        .isEqualTo(DataSize.ofMegabytes(200));
    assertThat(limit.limitFor("/api/v1/statistics/proportion")).isEqualTo(DataSize.ofMegabytes(20));
    assertThat(limit.limitFor("/api/v1/workspaces/E54000008/maturity/rounds"))
        .isEqualTo(DataSize.ofMegabytes(2));
    assertThat(limit.limitFor("/sign-in")).isEqualTo(DataSize.ofMegabytes(2));
  }

  @Test
  void aChunkedTableOverTheLimitIsRefusedWith413WhileItIsRead() throws Exception {
    // A raw socket, reading the answer while still sending: the server answers (and stops reading)
    // once the body passes the limit, and an ordinary client would only see its write fail.
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
      socket.setSoTimeout(60_000);
      java.util.concurrent.CompletableFuture<String> answer =
          java.util.concurrent.CompletableFuture.supplyAsync(
              () -> {
                try {
                  return new String(
                      socket.getInputStream().readNBytes(4096), StandardCharsets.ISO_8859_1);
                } catch (java.io.IOException e) {
                  return "read failed: " + e;
                }
              });
      java.io.OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /api/v1/statistics/proportion HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                  + "Content-Type: text/csv\r\nTransfer-Encoding: chunked\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      // Rows with a long label, so the body passes 20 MB long before the 200,000-row limit.
      byte[] header = "area,label,numerator,denominator\n".getBytes(StandardCharsets.US_ASCII);
      byte[] chunk =
          ("E54000008," + "l".repeat(300) + ",120,1000\n")
              .repeat(200)
              .getBytes(StandardCharsets.US_ASCII);
      long sent = 0;
      try {
        out.write(
            (Integer.toHexString(header.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(header);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        while (sent < (25L << 20) && !answer.isDone()) {
          out.write(
              (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
          out.write(chunk);
          out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
          sent += chunk.length;
        }
      } catch (java.io.IOException closedByTheServer) {
        // Expected once the server has answered.
      }
      String response = answer.get(60, java.util.concurrent.TimeUnit.SECONDS);
      assertThat(response).startsWith("HTTP/1.1 413");
      assertThat(response)
          .contains("https://fourthpurpose.org/problems/body-too-large")
          .contains("larger than this service accepts here (20 MB)");
    }
  }

  @Test
  void aTableUnderTheLimitIsStillComputed() throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(uri("/api/v1/statistics/proportion"))
                .header("Content-Type", "text/csv")
                .header("Accept", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> endlessTable(1L << 20)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    // The last row is cut short by the byte count, so the answer names it; what matters is that
    // the body was read to its end and answered, not refused.
    assertThat(response.statusCode()).isIn(200, 400);
    assertThat(response.statusCode()).isNotEqualTo(413);
  }

  @Test
  void aDeclaredLengthOverTheLimitIsRefusedAtOnceForJsonAndForms() throws Exception {
    byte[] json = ("{\"name\":\"" + "x".repeat(3 << 20) + "\"}").getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> api =
        http.send(
            HttpRequest.newBuilder(uri("/api/v1/workspaces/E54000008/maturity/rounds"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(api.statusCode()).isEqualTo(413);
    assertThat(api.body()).contains("(2 MB)");

    byte[] form =
        ("email=a%40b.org&password=" + "x".repeat(3 << 20)).getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> page =
        http.send(
            HttpRequest.newBuilder(uri("/sign-in"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofByteArray(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).isEqualTo(413);
  }
}
