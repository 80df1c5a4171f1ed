package org.fourthpurpose.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.fourthpurpose.reference.ReferenceDataLoaded;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Keeps the rendered HTML of the public pages that change only with reference data, saved groups
 * and what workspaces publish (home, ICS overviews, the England table, ICS profiles, their theme
 * pages and downloads, published anchor systems).
 *
 * <p>Anonymous visitors get the whole page, with an ETag. Signed-in people get the page body
 * rendered once per {@link PageAudience audience} (for the profile: the comparators they may
 * choose) with their own header drawn around it per request by {@link PageShell}; pages that no
 * audience describes are rendered afresh for them. Keys are made of the path and only the query
 * parameters the page reads, so made-up parameters cannot fill the cache. Everything is forgotten
 * when reference data is reloaded or {@link PublicPagesChanged} is published (a group of systems
 * published, unpublished or deleted); a workspace's pages when {@link WorkspaceChanged} is. Each
 * store is bounded in entries and bytes and forgets the page used least recently. A body that holds
 * a form with a CSRF token is never kept (see {@link PageShell.Body#of}); the covered pages have
 * none, only the header's sign-out form has one.
 */
@Component
public class PublicPageCache extends OncePerRequestFilter {

  /** Each cached page (an Ant pattern of the path) and the query parameters it reads. */
  private static final Map<String, List<String>> PAGES = pages();

  private static final AntPathMatcher PATHS = new AntPathMatcher();

  private final PageStore<Page> pages = new PageStore<>(2_000, 48L * 1024 * 1024, Page::bytes);
  private final PageStore<PageShell.Body> bodies =
      new PageStore<>(1_000, 32L * 1024 * 1024, PageShell.Body::bytes);
  private final Map<String, CountDownLatch> rendering = new ConcurrentHashMap<>();
  private final AtomicLong generation = new AtomicLong();
  private final ObjectProvider<PageAudience> audiences;
  private final ObjectProvider<PageShell> shell;

  PublicPageCache(ObjectProvider<PageAudience> audiences, ObjectProvider<PageShell> shell) {
    this.audiences = audiences;
    this.shell = shell;
  }

  private static Map<String, List<String>> pages() {
    Map<String, List<String>> pages = new LinkedHashMap<>();
    pages.put("/", List.of());
    pages.put("/ics/*", List.of("map"));
    pages.put("/ics/*/neighbourhoods", List.of("map"));
    pages.put("/england", List.of("domain", "edition", "sort", "direction"));
    pages.put("/england.csv", List.of("domain", "edition"));
    for (String profile :
        List.of(
            "/ics/*/profile",
            "/ics/*/profile.csv",
            "/ics/*/profile.xlsx",
            "/ics/*/profile/trends.csv",
            "/ics/*/profile/themes/*")) {
      pages.put(profile, List.of("comparator"));
    }
    // A system's published anchor system (anchor.sharing): forgotten when a workspace changes what
    // it publishes, or the commitments of a system that publishes anything change.
    for (String anchors :
        List.of("/ics/*/anchors", "/ics/*/anchors/peers", "/ics/*/anchors/commitments.csv")) {
      pages.put(anchors, List.of());
    }
    // A workspace's coverage and connected-system pages: kept only as bodies for its members
    // (anchor.coverage.CoverageAudience); anonymous visitors never get past sign-in.
    pages.put("/workspaces/*/anchors/coverage", List.of("comparator"));
    pages.put("/workspaces/*/anchors/system", List.of());
    // A workspace's impact page (impact.measure.ImpactAudience): bodies for its members by role,
    // forgotten when anything in the workspace changes (WorkspaceChanged).
    pages.put("/workspaces/*/impact", List.of("removed"));
    // A relationship audit's results (question.audit.AuditResultsAudience), kept the same way.
    pages.put("/workspaces/*/audits/*/results", List.of());
    return pages;
  }

  /**
   * A rendered page, and the same bytes gzip-compressed once (null when not worth it: small, or a
   * type that is compressed already such as a workbook), so that a page of a few hundred kilobytes
   * is not compressed again for every visitor.
   */
  record Page(
      byte[] body, String contentType, String contentDisposition, String etag, byte[] gzipped) {
    long bytes() {
      return body.length + (gzipped == null ? 0 : gzipped.length);
    }
  }

  /** Below this many bytes a page is sent as it is (Tomcat's own threshold is 2 KB). */
  static final int COMPRESS_FROM = 2_048;

  @EventListener
  void onReferenceDataLoaded(ReferenceDataLoaded event) {
    forget();
  }

  @TransactionalEventListener(fallbackExecution = true)
  void onPublicPagesChanged(PublicPagesChanged event) {
    forget();
  }

  /**
   * Forgets a workspace's pages once its change commits: the keys of its pages hold {@code
   * /workspaces/<code>/} (an audience answers only for the page asked for with the exact code).
   */
  @TransactionalEventListener(fallbackExecution = true)
  void onWorkspaceChanged(WorkspaceChanged event) {
    String marker = "/workspaces/" + event.icbCode() + "/";
    synchronized (this) {
      generation.incrementAndGet();
      pages.removeKeys(key -> key.contains(marker));
      bodies.removeKeys(key -> key.contains(marker));
    }
  }

  private void forget() {
    synchronized (this) {
      generation.incrementAndGet();
      pages.clear();
      bodies.clear();
    }
  }

  /**
   * Keeps a page rendered since {@code since} unless something was forgotten meanwhile: a page
   * rendered while a change was committing may show the data before it, so it is sent but not kept.
   */
  private <V> void keep(PageStore<V> store, String key, V value, long since) {
    synchronized (this) {
      if (generation.get() == since) {
        store.put(key, value);
      }
    }
  }

  /** How many whole pages (anonymous) and bodies (signed in) are kept, for tests. */
  int[] sizes() {
    return new int[] {pages.size(), bodies.size()};
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"GET".equals(request.getMethod()) || pattern(path(request)) == null;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = path(request);
    String pattern = pattern(path);
    String key = request.getRequestURI() + "?" + parameters(request, PAGES.get(pattern));
    if (anonymous()) {
      servePage(key, request, response, chain);
      return;
    }
    Optional<String> audience = audience(pattern, request);
    if (audience.isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
    serveBody(key + "\n" + audience.get(), request, response, chain);
  }

  private void servePage(
      String key, HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Page page = cached(pages, key);
    if (page == null) {
      CountDownLatch mine = new CountDownLatch(1);
      CountDownLatch other = rendering.putIfAbsent(key, mine);
      ContentCachingResponseWrapper recording = new ContentCachingResponseWrapper(response);
      long since = generation.get();
      try {
        chain.doFilter(request, recording);
        byte[] body = recording.getContentAsByteArray();
        if (recording.getStatus() == 200) {
          page =
              new Page(
                  body,
                  recording.getContentType(),
                  recording.getHeader("Content-Disposition"),
                  etag(body),
                  gzipped(body, recording.getContentType()));
          keep(pages, key, page, since);
          response.setHeader("ETag", page.etag());
        }
      } finally {
        done(key, mine, other);
      }
      recording.copyBodyToResponse();
      return;
    }
    response.setHeader("ETag", page.etag());
    response.setHeader("Cache-Control", "no-cache");
    if (page.etag().equals(request.getHeader("If-None-Match"))) {
      response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
      return;
    }
    response.setStatus(200);
    response.setContentType(page.contentType());
    if (page.contentDisposition() != null) {
      response.setHeader("Content-Disposition", page.contentDisposition());
    }
    byte[] bytes = page.body();
    if (page.gzipped() != null) {
      response.setHeader("Vary", "Accept-Encoding");
      if (acceptsGzip(request)) {
        // Tomcat leaves a response that already has a Content-Encoding alone.
        response.setHeader("Content-Encoding", "gzip");
        bytes = page.gzipped();
      }
    }
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
  }

  /**
   * Serves a signed-in person: their header around the body kept for their audience, or the page
   * rendered from scratch (whose body is then kept) when there is none yet.
   */
  private void serveBody(
      String key, HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    PageShell.Body body = cached(bodies, key);
    if (body != null) {
      try {
        shell.getObject().render(body, request, response);
      } catch (IOException | ServletException | RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new ServletException(e);
      }
      return;
    }
    CountDownLatch mine = new CountDownLatch(1);
    CountDownLatch other = rendering.putIfAbsent(key, mine);
    ContentCachingResponseWrapper recording = new ContentCachingResponseWrapper(response);
    long since = generation.get();
    try {
      chain.doFilter(request, recording);
      String type = recording.getContentType();
      if (recording.getStatus() == 200 && type != null && type.startsWith("text/html")) {
        PageShell.Body.of(recording.getContentAsByteArray())
            .ifPresent(b -> keep(bodies, key, b, since));
      }
    } finally {
      done(key, mine, other);
    }
    recording.copyBodyToResponse();
  }

  private Optional<String> audience(String pattern, HttpServletRequest request) {
    for (PageAudience audience : audiences) {
      if (audience.pages().contains(pattern)) {
        return audience.audience(request);
      }
    }
    return Optional.empty();
  }

  /**
   * The kept value, or, when another request is already rendering it, that one's result once it is
   * done (waiting at most 10 s), so that a burst of visitors to a new page renders it once.
   */
  private <V> V cached(PageStore<V> store, String key) {
    V value = store.get(key);
    if (value != null) {
      return value;
    }
    CountDownLatch other = rendering.get(key);
    if (other == null) {
      return null;
    }
    try {
      other.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return store.get(key);
  }

  private void done(String key, CountDownLatch mine, CountDownLatch other) {
    if (other == null) {
      rendering.remove(key, mine);
      mine.countDown();
    }
  }

  private static String path(HttpServletRequest request) {
    return request.getRequestURI().substring(request.getContextPath().length());
  }

  private static String pattern(String path) {
    for (String pattern : PAGES.keySet()) {
      if (PATHS.match(pattern, path)) {
        return pattern;
      }
    }
    return null;
  }

  /**
   * The parameters a page reads, in a fixed order, with their values as the controller gets them
   * (repeated values joined by commas, as Spring binds them to a string).
   */
  static String parameters(HttpServletRequest request, List<String> names) {
    StringBuilder key = new StringBuilder();
    for (String name : names) {
      String[] values = request.getParameterValues(name);
      if (values != null) {
        // Encoded, so that a value holding '&' or '=' cannot pass for other parameters.
        key.append(name)
            .append('=')
            .append(URLEncoder.encode(String.join(",", values), StandardCharsets.UTF_8))
            .append('&');
      }
    }
    return key.toString();
  }

  private static boolean anonymous() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    return authentication == null
        || authentication instanceof AnonymousAuthenticationToken
        || !authentication.isAuthenticated();
  }

  /** The body gzip-compressed, for text (HTML, CSV, JSON) of at least {@link #COMPRESS_FROM}. */
  static byte[] gzipped(byte[] body, String contentType) {
    if (body.length < COMPRESS_FROM
        || contentType == null
        || !(contentType.startsWith("text/") || contentType.contains("json"))) {
      return null;
    }
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(body.length / 4);
    try (java.util.zip.GZIPOutputStream gzip = new java.util.zip.GZIPOutputStream(out)) {
      gzip.write(body);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** True when the request's Accept-Encoding names gzip (or *) without refusing it (q=0). */
  static boolean acceptsGzip(HttpServletRequest request) {
    String header = request.getHeader("Accept-Encoding");
    if (header == null) {
      return false;
    }
    for (String part : header.split(",")) {
      String[] coding = part.trim().split(";");
      String name = coding[0].trim().toLowerCase(java.util.Locale.ROOT);
      if (name.equals("gzip") || name.equals("*")) {
        for (int i = 1; i < coding.length; i++) {
          String q = coding[i].trim().replace(" ", "");
          if (q.matches("q=0(\\.0*)?")) {
            return false;
          }
        }
        return true;
      }
    }
    return false;
  }

  /**
   * A weak validator: Tomcat compresses a response only when its ETag is weak (gzip changes the
   * bytes a strong one names), and the pages are sent compressed to whoever accepts gzip.
   */
  private static String etag(byte[] body) {
    try {
      return "W/\""
          + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body), 0, 16)
          + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
