package org.fourthpurpose.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.ViewResolver;

/**
 * The layout's personal part (header with the person's name and sign-out form, footer) drawn around
 * a page body rendered earlier, so that a signed-in person gets a cached page with their own header
 * and a fresh CSRF token.
 *
 * <p>It renders {@code templates/cached-page.html} through the application's Thymeleaf view, as the
 * dispatcher servlet would, so the header comes from the same template code as on a page rendered
 * from scratch and the result is the same bytes (the CSRF token in the sign-out form is masked
 * afresh on every rendering, there as here).
 */
@Component
class PageShell {

  static final String VIEW = "cached-page";

  private static final String MAIN_START = "id=\"maincontent\"";
  private static final String MAIN_END = "</main>";
  private static final String TITLE_START = "<title>";
  private static final String TITLE_END = "</title>";
  private static final String CSRF_FIELD = "name=\"_csrf\"";
  private static final String MARKER = "\u0000fp-cached-main\u0000";

  private final ObjectProvider<ViewResolver> views;
  private final ObjectProvider<LocaleResolver> locales;
  private final ObjectProvider<BrandingProperties> branding;
  private final ApplicationContext context;

  PageShell(
      @Qualifier("thymeleafViewResolver") ObjectProvider<ViewResolver> views,
      ObjectProvider<LocaleResolver> locales,
      ObjectProvider<BrandingProperties> branding,
      ApplicationContext context) {
    this.views = views;
    this.locales = locales;
    this.branding = branding;
    this.context = context;
  }

  /**
   * A page's own part: its title and the content of the layout's {@code main}, as rendered.
   *
   * @param title the text of the head's {@code title} element, escaped as in the page
   * @param main everything between the layout's {@code <main ...>} and {@code </main>}
   * @param deflatedMain {@code main} compressed once as a {@link SplicedGzip#piece}, or null when
   *     it is too small to be worth compressing
   */
  record Body(String title, byte[] main, byte[] deflatedMain) {

    /** The body's main content as text. */
    String mainText() {
      return new String(main, StandardCharsets.UTF_8);
    }

    /** The size in bytes the body takes in memory, near enough. */
    long bytes() {
      return 2L * title.length() + main.length + (deflatedMain == null ? 0 : deflatedMain.length);
    }

    /**
     * Cuts the body out of a page rendered in the layout, or empty when the page is not laid out as
     * expected or holds a form with a CSRF token: a token belongs to one session, so such a body
     * must never be shown to anyone else.
     */
    static Optional<Body> of(byte[] page) {
      String html = new String(page, StandardCharsets.UTF_8);
      int titleStart = html.indexOf(TITLE_START);
      int titleEnd = titleStart < 0 ? -1 : html.indexOf(TITLE_END, titleStart);
      int mainTag = html.indexOf(MAIN_START);
      int mainStart = mainTag < 0 ? -1 : html.indexOf('>', mainTag) + 1;
      int mainEnd = html.lastIndexOf(MAIN_END);
      if (titleEnd < 0 || mainStart <= 0 || mainEnd < mainStart || titleEnd > mainTag) {
        return Optional.empty();
      }
      String main = html.substring(mainStart, mainEnd);
      if (main.contains(CSRF_FIELD)) {
        return Optional.empty();
      }
      byte[] bytes = main.getBytes(StandardCharsets.UTF_8);
      return Optional.of(
          new Body(
              html.substring(titleStart + TITLE_START.length(), titleEnd),
              bytes,
              bytes.length < PublicPageCache.COMPRESS_FROM ? null : SplicedGzip.piece(bytes)));
    }
  }

  /** Writes the whole page for the current request: this person's header around the body. */
  void render(Body body, HttpServletRequest request, HttpServletResponse response)
      throws Exception {
    // What DispatcherServlet sets up before rendering a view, so that the header renders the same.
    LocaleResolver localeResolver = locales.getIfAvailable();
    Locale locale =
        localeResolver == null ? request.getLocale() : localeResolver.resolveLocale(request);
    request.setAttribute(DispatcherServlet.WEB_APPLICATION_CONTEXT_ATTRIBUTE, context);
    if (localeResolver != null) {
      request.setAttribute(DispatcherServlet.LOCALE_RESOLVER_ATTRIBUTE, localeResolver);
    }
    response.setLocale(locale);
    View view = views.getObject().resolveViewName(VIEW, locale);
    // The shell is rendered around a marker and the kept bytes are written in its place, so each
    // request renders only the layout, not the 100-250 KB body again.
    StringWriter shell = new StringWriter();
    view.render(
        Map.of(
            BrandingAdvice.MODEL_ATTRIBUTE,
            branding.getObject(),
            "cachedTitle",
            body.title(),
            "cachedMain",
            MARKER),
        request,
        new HttpServletResponseWrapper(response) {
          private final PrintWriter writer = new PrintWriter(shell);

          @Override
          public PrintWriter getWriter() {
            return writer;
          }

          @Override
          public void flushBuffer() {
            writer.flush();
          }
        });
    String page = shell.toString();
    int at = page.indexOf(MARKER);
    byte[] before = page.substring(0, at).getBytes(StandardCharsets.UTF_8);
    byte[] after = page.substring(at + MARKER.length()).getBytes(StandardCharsets.UTF_8);
    if (body.deflatedMain() != null) {
      response.setHeader("Vary", "Accept-Encoding");
      if (PublicPageCache.acceptsGzip(request)) {
        // Tomcat leaves a response that already has a Content-Encoding alone.
        byte[] gzipped = SplicedGzip.of(before, body.main(), body.deflatedMain(), after);
        response.setHeader("Content-Encoding", "gzip");
        response.setContentLength(gzipped.length);
        response.getOutputStream().write(gzipped);
        return;
      }
    }
    response.setContentLength(before.length + body.main().length + after.length);
    OutputStream out = response.getOutputStream();
    out.write(before);
    out.write(body.main());
    out.write(after);
  }
}
