package org.fourthpurpose.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.AntPathMatcher;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One size limit on every request body, whatever its type, so no request can make the server hold
 * more than it should: forms and JSON get a small limit, the few routes that take a file get the
 * upload limit, and the statistics calculator and SPC charts (which answer with the whole table) a
 * limit in between. A declared length over the limit is refused at once with 413; a body without a
 * length (chunked) is counted as it is read and refused when it passes the limit.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class RequestBodyLimit extends OncePerRequestFilter {

  /** Routes that take a file to import or restore: these get the upload limit. */
  static final List<String> UPLOADS =
      List.of(
          "/workspaces/*/indicators/imports",
          "/api/v1/workspaces/*/indicators/imports",
          "/workspaces/*/backup",
          "/workspaces/*/backup/**",
          "/api/v1/workspaces/*/backup",
          "/workspaces/*/anchors/spend",
          "/api/v1/workspaces/*/anchors/spend-analyses",
          "/workspaces/*/equity",
          "/api/v1/workspaces/*/equity/waiting-list");

  /** Routes that take a CSV table to compute on. */
  static final List<String> TABLES = List.of("/api/v1/statistics/**", "/api/v1/spc");

  private final AntPathMatcher paths = new AntPathMatcher();
  private final DataSize forms;
  private final DataSize tables;
  private final DataSize uploads;

  RequestBodyLimit(
      @Value("${fp.web.max-body:2MB}") DataSize forms,
      @Value("${fp.web.max-table:20MB}") DataSize tables,
      @Value("${spring.servlet.multipart.max-request-size:200MB}") DataSize uploads) {
    this.forms = forms;
    this.tables = tables;
    this.uploads = uploads;
  }

  /** The limit on the body of a request to this path. */
  DataSize limitFor(String path) {
    if (UPLOADS.stream().anyMatch(p -> paths.match(p, path))) {
      return uploads;
    }
    if (TABLES.stream().anyMatch(p -> paths.match(p, path))) {
      return tables;
    }
    return forms;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    DataSize limit = limitFor(path);
    long declared = request.getContentLengthLong();
    if (declared > limit.toBytes()) {
      refuse(request, response, limit);
      return;
    }
    chain.doFilter(new Counted(request, limit), response);
  }

  static String message(DataSize limit) {
    return "The request body is larger than this service accepts here ("
        + describe(limit)
        + "). Send less at once.";
  }

  static String describe(DataSize limit) {
    long bytes = limit.toBytes();
    return bytes % (1024 * 1024) == 0 ? limit.toMegabytes() + " MB" : bytes + " bytes";
  }

  private static void refuse(
      HttpServletRequest request, HttpServletResponse response, DataSize limit) throws IOException {
    // Not read: the client may still be sending, so the connection is closed after the answer.
    response.setHeader("Connection", "close");
    if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
      response.setStatus(413);
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      response
          .getWriter()
          .write(
              "{\"type\":\"https://fourthpurpose.org/problems/body-too-large\",\"title\":\"Body"
                  + " too large\",\"status\":413,\"detail\":\""
                  + message(limit)
                  + "\"}");
    } else {
      response.sendError(413, message(limit));
    }
  }

  /** The request with its body counted as it is read. */
  private static final class Counted extends HttpServletRequestWrapper {
    private final DataSize limit;
    private ServletInputStream counted;

    Counted(HttpServletRequest request, DataSize limit) {
      super(request);
      this.limit = limit;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (counted == null) {
        ServletInputStream in = super.getInputStream();
        long max = limit.toBytes();
        counted =
            new ServletInputStream() {
              private long total;

              private int count(int n) {
                if (n > 0) {
                  total += n;
                  if (total > max) {
                    throw new PayloadTooLargeException(
                        "body-too-large", "Body too large", message(limit));
                  }
                }
                return n;
              }

              @Override
              public int read() throws IOException {
                int b = in.read();
                if (b >= 0) {
                  count(1);
                }
                return b;
              }

              @Override
              public int read(byte[] buffer, int offset, int length) throws IOException {
                return count(in.read(buffer, offset, length));
              }

              @Override
              public boolean isFinished() {
                return in.isFinished();
              }

              @Override
              public boolean isReady() {
                return in.isReady();
              }

              @Override
              public void setReadListener(ReadListener listener) {
                in.setReadListener(listener);
              }
            };
      }
      return counted;
    }
  }
}
