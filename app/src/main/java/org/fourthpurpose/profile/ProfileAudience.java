package org.fourthpurpose.profile;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.fourthpurpose.geography.IntegratedCareBoard;
import org.fourthpurpose.indicator.LocalIndicatorValues;
import org.fourthpurpose.web.PageAudience;
import org.springframework.stereotype.Component;

/**
 * The audience of a profile or theme page: the comparators the person may choose for the system,
 * with each saved group's name and whether it is published, as the page's comparator form shows
 * them, and whether the person is a member of the system's workspace (members see its unpublished
 * local indicators). Nothing else on those pages depends on who is asking, so people who may choose
 * the same comparators and are members alike get the same page body.
 *
 * <p>A person who asks for a saved group they may not use, an unknown system or a malformed
 * comparator gets no audience: their page is rendered from scratch and answers with its error.
 */
@Component
class ProfileAudience implements PageAudience {

  private final ProfileComparators comparators;
  private final LocalIndicatorValues local;

  ProfileAudience(ProfileComparators comparators, LocalIndicatorValues local) {
    this.comparators = comparators;
    this.local = local;
  }

  @Override
  public List<String> pages() {
    return List.of("/ics/*/profile", "/ics/*/profile/themes/*");
  }

  @Override
  public Optional<String> audience(HttpServletRequest request) {
    String[] path = request.getRequestURI().substring(request.getContextPath().length()).split("/");
    String[] comparator = request.getParameterValues("comparator");
    ComparatorChoice choice =
        ComparatorChoice.parse(comparator == null ? null : String.join(",", comparator));
    if (path.length < 4 || choice == null) {
      return Optional.empty();
    }
    IntegratedCareBoard icb;
    try {
      icb = comparators.icb(path[2]);
      // Checks that the person may use the group; the page answers with the error otherwise.
      comparators.group(icb, choice);
    } catch (RuntimeException e) {
      return Optional.empty();
    }
    StringBuilder options = new StringBuilder();
    // Members of the system's workspace see its unpublished local indicators; nobody else does.
    options.append(local.seesUnpublished(icb.code()) ? "member\n" : "other\n");
    for (ProfileComparators.Option o : comparators.options(icb)) {
      options.append(o.key()).append('\0').append(o.label()).append('\0').append(o.hint());
      options.append('\n');
    }
    return Optional.of(sha256(options.toString()));
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
