package org.fourthpurpose.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;

/**
 * Names the audience a signed-in person belongs to for some public pages: everyone in one audience
 * gets the same page body, so {@link PublicPageCache} renders it once per audience and adds each
 * person's own header around it.
 *
 * <p>A feature whose public pages show something that depends on who is asking (such as the saved
 * groups a profile may be compared with) implements this as a bean. The key must name everything
 * about the person the body shows; what depends on the data is handled by the cache emptying on
 * {@link PublicPagesChanged} and on reference data loads.
 */
public interface PageAudience {

  /** The pages (Ant patterns of the path, such as {@code /ics/*}{@code /profile}) it describes. */
  List<String> pages();

  /**
   * The audience of the person making the request, or empty when their page must be rendered from
   * scratch (for instance because they asked for something they may not see, so that the page
   * answers with an error).
   */
  Optional<String> audience(HttpServletRequest request);
}
