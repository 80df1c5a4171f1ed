package org.fourthpurpose.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.fourthpurpose.reference.ReferenceDataLoaded;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Keeps the rendered HTML of the public pages that change only with reference data (home, ICS
 * overviews, the England table, ICS profiles, their theme pages and downloads), and serves it to
 * anonymous visitors with an ETag. Signed-in people always get a freshly rendered page (their
 * header and comparators differ), and the cache empties whenever reference data is reloaded or a
 * group of systems is published, unpublished or deleted. It holds at most 2,000 pages and 48 MB;
 * past that, pages are rendered each time. The pages it covers hold no form that posts, so no CSRF
 * token is ever cached.
 */
@Component
public class PublicPageCache extends OncePerRequestFilter {

  private static final List<String> PAGES =
      List.of(
          "/",
          "/ics/*",
          "/england",
          "/england.csv",
          "/ics/*/profile",
          "/ics/*/profile.csv",
          "/ics/*/profile.xlsx",
          "/ics/*/profile/trends.csv",
          "/ics/*/profile/themes/*");
  private static final int MAX_ENTRIES = 2_000;
  private static final long MAX_BYTES = 48L * 1024 * 1024;
  private static final AntPathMatcher PATHS = new AntPathMatcher();

  private final Map<String, Page> pages = new ConcurrentHashMap<>();
  private final Map<String, java.util.concurrent.CountDownLatch> rendering =
      new ConcurrentHashMap<>();
  private final java.util.concurrent.atomic.AtomicLong bytes =
      new java.util.concurrent.atomic.AtomicLong();

  /** A rendered page. */
  record Page(byte[] body, String contentType, String contentDisposition, String etag) {}

  @EventListener
  void onReferenceDataLoaded(ReferenceDataLoaded event) {
    forget();
  }

  @org.springframework.transaction.event.TransactionalEventListener(fallbackExecution = true)
  void onPublicPagesChanged(PublicPagesChanged event) {
    forget();
  }

  private synchronized void forget() {
    pages.clear();
    bytes.set(0);
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    if (!"GET".equals(request.getMethod())) {
      return true;
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return PAGES.stream().noneMatch(pattern -> PATHS.match(pattern, path));
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!anonymous()) {
      chain.doFilter(request, response);
      return;
    }
    String key = request.getRequestURI() + "?" + request.getQueryString();
    Page page = pages.get(key);
    if (page == null) {
      page = awaitOtherRendering(key);
    }
    if (page == null) {
      java.util.concurrent.CountDownLatch mine = new java.util.concurrent.CountDownLatch(1);
      java.util.concurrent.CountDownLatch other = rendering.putIfAbsent(key, mine);
      ContentCachingResponseWrapper recording = new ContentCachingResponseWrapper(response);
      try {
        chain.doFilter(request, recording);
        byte[] body = recording.getContentAsByteArray();
        if (recording.getStatus() == 200
            && pages.size() < MAX_ENTRIES
            && bytes.get() + body.length <= MAX_BYTES) {
          page =
              new Page(
                  body,
                  recording.getContentType(),
                  recording.getHeader("Content-Disposition"),
                  etag(body));
          if (pages.put(key, page) == null) {
            bytes.addAndGet(body.length);
          }
          response.setHeader("ETag", page.etag());
        }
      } finally {
        if (other == null) {
          rendering.remove(key, mine);
          mine.countDown();
        }
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
    response.setContentLength(page.body().length);
    response.getOutputStream().write(page.body());
  }

  /**
   * When another request is already rendering the same page, waits for it (at most 10 s) rather
   * than rendering it again, so that a burst of visitors to a new page renders it once.
   */
  private Page awaitOtherRendering(String key) {
    java.util.concurrent.CountDownLatch other = rendering.get(key);
    if (other == null) {
      return null;
    }
    try {
      other.await(10, java.util.concurrent.TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return pages.get(key);
  }

  private static boolean anonymous() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    return authentication == null
        || authentication instanceof AnonymousAuthenticationToken
        || !authentication.isAuthenticated();
  }

  private static String etag(byte[] body) {
    try {
      return "\""
          + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body), 0, 16)
          + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
