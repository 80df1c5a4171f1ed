package org.fourthpurpose.impact.measure;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import org.fourthpurpose.account.WorkspaceAccess;
import org.fourthpurpose.geography.Geography;
import org.fourthpurpose.geography.IntegratedCareBoard;
import org.fourthpurpose.web.PageAudience;
import org.springframework.stereotype.Component;

/**
 * The audience of a workspace's impact page: its editors (who see the links to add and change
 * measures) or its other members. The page has no form, so its body is the same for everyone in one
 * audience; {@code web.PublicPageCache} renders it once (forty SVG charts) and keeps it until
 * anything in the workspace changes ({@code web.WorkspaceChanged}, which the audit log publishes
 * for every measure, value and rebase saved) or reference data reloads.
 *
 * <p>Anyone who is not a member, or who names the system other than by its exact code, gets no
 * audience: their page is rendered from scratch (with its 403, 404 or redirect).
 */
@Component
class ImpactAudience implements PageAudience {

  private final WorkspaceAccess access;
  private final Geography geography;

  ImpactAudience(WorkspaceAccess access, Geography geography) {
    this.access = access;
    this.geography = geography;
  }

  @Override
  public List<String> pages() {
    return List.of("/workspaces/*/impact");
  }

  @Override
  public Optional<String> audience(HttpServletRequest request) {
    String[] path = request.getRequestURI().substring(request.getContextPath().length()).split("/");
    if (path.length != 4) {
      return Optional.empty();
    }
    Optional<IntegratedCareBoard> icb = geography.icb(path[2]);
    if (icb.isEmpty() || !icb.get().code().equals(path[2]) || !access.canView(path[2])) {
      return Optional.empty();
    }
    return Optional.of((access.canEdit(path[2]) ? "editors of " : "members of ") + path[2]);
  }
}
