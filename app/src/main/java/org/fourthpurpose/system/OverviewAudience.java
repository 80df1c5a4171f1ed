package org.fourthpurpose.system;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.fourthpurpose.geography.Geography;
import org.fourthpurpose.web.PageAudience;
import org.springframework.stereotype.Component;

/**
 * The audience of an ICS overview page and its table of every neighbourhood: everyone. Nothing in
 * its body depends on who is asking, so a signed-in person gets the body kept for all, with their
 * own header, instead of a page of several hundred kilobytes (the neighbourhood map) rendered
 * afresh. An unknown system or map measure has no audience, so that its page is rendered and
 * answers with its error.
 */
@Component
class OverviewAudience implements PageAudience {

  private final Geography geography;

  OverviewAudience(Geography geography) {
    this.geography = geography;
  }

  @Override
  public List<String> pages() {
    return List.of("/ics/*", "/ics/*/neighbourhoods");
  }

  @Override
  public Optional<String> audience(HttpServletRequest request) {
    String[] path = request.getRequestURI().substring(request.getContextPath().length()).split("/");
    String[] map = request.getParameterValues("map");
    boolean overview = path.length == 3;
    boolean table = path.length == 4 && path[3].equals("neighbourhoods");
    if (!(overview || table) || geography.icb(path[2]).isEmpty()) {
      return Optional.empty();
    }
    if (map != null
        && (map.length != 1
            || NeighbourhoodMaps.LAYERS.stream()
                .noneMatch(l -> l.key().equals(map[0].toLowerCase(Locale.ROOT))))) {
      return Optional.empty();
    }
    return Optional.of("everyone");
  }
}
