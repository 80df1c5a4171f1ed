package org.fourthpurpose.anchor.coverage;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import org.fourthpurpose.account.WorkspaceAccess;
import org.fourthpurpose.geography.Geography;
import org.fourthpurpose.geography.IntegratedCareBoard;
import org.fourthpurpose.web.PageAudience;
import org.springframework.stereotype.Component;

/**
 * The audience of a workspace's coverage and connected-system pages: its members. Those pages show
 * nothing that depends on the member's role (no forms, no edit links), so every member gets the
 * same page body, which {@code web.PublicPageCache} renders once and keeps until reference data are
 * reloaded or the page data change ({@code network.ConnectedSystems} publishes {@code
 * PublicPagesChanged} when a workspace's commitments change).
 *
 * <p>Anyone who is not a member, asks for an unknown system or a malformed comparator gets no
 * audience: their page is rendered from scratch and answers with its error (403, 404 or 400).
 */
@Component
class CoverageAudience implements PageAudience {

  private final WorkspaceAccess access;
  private final Geography geography;

  CoverageAudience(WorkspaceAccess access, Geography geography) {
    this.access = access;
    this.geography = geography;
  }

  @Override
  public List<String> pages() {
    return List.of("/workspaces/*/anchors/coverage", "/workspaces/*/anchors/system");
  }

  @Override
  public Optional<String> audience(HttpServletRequest request) {
    String[] path = request.getRequestURI().substring(request.getContextPath().length()).split("/");
    if (path.length < 5) {
      return Optional.empty();
    }
    Optional<IntegratedCareBoard> icb = geography.icb(path[2]);
    if (icb.isEmpty() || !access.canView(icb.get().code())) {
      return Optional.empty();
    }
    String[] comparator = request.getParameterValues("comparator");
    try {
      NeedsLookup.comparator(comparator == null ? null : String.join(",", comparator));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
    return Optional.of("members of " + icb.get().code());
  }
}
