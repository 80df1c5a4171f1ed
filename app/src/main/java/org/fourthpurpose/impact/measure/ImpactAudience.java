package org.fourthpurpose.impact.measure;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import org.fourthpurpose.account.WorkspaceAccess;
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

  ImpactAudience(WorkspaceAccess access) {
    this.access = access;
  }

  @Override
  public List<String> pages() {
    return List.of("/workspaces/*/impact");
  }

  @Override
  public Optional<String> audience(HttpServletRequest request) {
    return access
        .viewableWorkspacePage(request, 4)
        .map(code -> (access.canEdit(code) ? "editors of " : "members of ") + code);
  }
}
