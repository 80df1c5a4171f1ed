package org.fourthpurpose.anchor.sharing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fourthpurpose.anchor.AnchorCommitment;
import org.fourthpurpose.anchor.AnchorOrganisation;
import org.fourthpurpose.anchor.AnchorRegister;
import org.fourthpurpose.anchor.coverage.Coverage;
import org.fourthpurpose.anchor.coverage.Coverages;
import org.fourthpurpose.anchor.coverage.IndicatorNeed;
import org.fourthpurpose.anchor.coverage.NeedsLookup;
import org.fourthpurpose.anchor.coverage.SystemNeeds;
import org.fourthpurpose.anchor.coverage.ThemeNeeds;
import org.fourthpurpose.anchor.network.ConnectedSystem;
import org.fourthpurpose.anchor.network.ConnectedSystems;
import org.fourthpurpose.geography.Geography;
import org.fourthpurpose.geography.IntegratedCareBoard;
import org.fourthpurpose.peergroup.Neighbour;
import org.fourthpurpose.peergroup.PeerGroups;
import org.fourthpurpose.profile.ComparatorChoice;
import org.fourthpurpose.web.NotFoundException;
import org.springframework.stereotype.Service;

/**
 * What the public may see of a system's anchor system: only the parts its workspace has published
 * ({@link Publications}), and its commitments beside those of the nearest neighbours that have
 * published theirs. Every public page, API answer and CSV of anchors is built here, so nothing
 * unpublished can reach one by another road.
 */
@Service
public class PublishedAnchors {

  private final Publications publications;
  private final AnchorRegister register;
  private final Coverages coverages;
  private final ConnectedSystems systems;
  private final NeedsLookup needs;
  private final PeerGroups peers;
  private final Geography geography;

  PublishedAnchors(
      Publications publications,
      AnchorRegister register,
      Coverages coverages,
      ConnectedSystems systems,
      NeedsLookup needs,
      PeerGroups peers,
      Geography geography) {
    this.publications = publications;
    this.register = register;
    this.coverages = coverages;
    this.systems = systems;
    this.needs = needs;
    this.peers = peers;
    this.geography = geography;
  }

  /**
   * A commitment as it is published: without its owner or evidence, which may name people.
   *
   * @param themes the titles of the themes it names
   */
  public record PublishedCommitment(
      long id,
      String organisation,
      String organisationType,
      String pillar,
      String promise,
      List<String> themes,
      List<String> indicators,
      String baseline,
      String target,
      LocalDate targetDate,
      String measure,
      String status) {}

  /**
   * The published parts of one system; a part not published is null (or empty for lists).
   *
   * @param organisations the register, when published
   * @param commitments the commitments, when published
   * @param system the connected system, when published
   * @param coverage its coverage against need (against the nearest neighbours), with the system
   */
  public record View(
      IntegratedCareBoard icb,
      Publication publication,
      List<AnchorOrganisation> organisations,
      List<PublishedCommitment> commitments,
      ConnectedSystem system,
      Coverage coverage) {}

  /**
   * The published view of a system, for its public page.
   *
   * @throws NotFoundException when it has published none of its register, commitments and system
   */
  public View view(String code) {
    View view = published(code);
    if (!view.publication().any()) {
      throw new NotFoundException(view.icb().shortName() + " has not published its anchor system");
    }
    return view;
  }

  /** What a system has published, each part not published null (or empty), possibly nothing. */
  public View published(String code) {
    IntegratedCareBoard icb = geography.requireIcb(code);
    Publication p = publications.publication(icb.code());
    return new View(
        icb,
        p,
        p.register() ? register.organisations(icb.code()) : List.of(),
        p.commitments() ? commitments(icb.code()) : List.of(),
        p.system() ? systems.system(icb.code()) : null,
        p.system() ? coverages.coverage(icb.code(), ComparatorChoice.NEIGHBOURS) : null);
  }

  /** The system of a code (ONS or ODS). */
  public IntegratedCareBoard icb(String code) {
    return geography.requireIcb(code);
  }

  /** The system's commitments as they are published, by organisation and pillar. */
  List<PublishedCommitment> commitments(String icbCode) {
    Map<Long, AnchorOrganisation> organisations = new HashMap<>();
    register.organisations(icbCode).forEach(o -> organisations.put(o.id(), o));
    Map<String, String> titles = themeTitles(icbCode);
    List<PublishedCommitment> rows = new ArrayList<>();
    for (AnchorCommitment c : register.commitments(icbCode)) {
      AnchorOrganisation o = organisations.get(c.organisationId());
      if (o == null) {
        continue;
      }
      rows.add(
          new PublishedCommitment(
              c.id(),
              o.name(),
              o.type().label(),
              c.pillar().label(),
              c.promise(),
              c.themeCodes().stream().map(t -> titles.getOrDefault(t, t)).toList(),
              c.indicatorCodes(),
              c.baseline(),
              c.target(),
              c.targetDate(),
              c.measure(),
              c.status().label()));
    }
    rows.sort(
        java.util.Comparator.comparing(PublishedCommitment::organisation)
            .thenComparing(PublishedCommitment::pillar)
            .thenComparingLong(PublishedCommitment::id));
    return rows;
  }

  /**
   * The system's commitments beside its nearest neighbours': each neighbour only when it has
   * published its commitments; the system itself when it has, or when {@code member} (its own
   * workspace is asking).
   *
   * @param withSelf whether the system must be shown (its page): when it is not, {@link
   *     NotFoundException}; otherwise (the API) the published neighbours alone
   */
  public PeerComparison peers(String code, boolean member, boolean withSelf) {
    IntegratedCareBoard icb = geography.requireIcb(code);
    List<String> candidates = new ArrayList<>();
    candidates.add(icb.code());
    peers.nearestNeighbours(icb.code()).stream().map(Neighbour::icbCode).forEach(candidates::add);
    List<String> published = publications.publishingCommitments(candidates);
    boolean self = member || published.contains(icb.code());
    if (withSelf && !self) {
      throw new NotFoundException(icb.shortName() + " has not published its anchor commitments");
    }
    List<PeerComparison.PeerCommitments> shown = new ArrayList<>();
    if (self) {
      shown.add(
          new PeerComparison.PeerCommitments(
              icb.code(), icb.shortName(), true, register.commitments(icb.code())));
    }
    for (String peer : published) {
      if (!peer.equals(icb.code())) {
        shown.add(
            new PeerComparison.PeerCommitments(
                peer,
                geography.icb(peer).map(IntegratedCareBoard::shortName).orElse(peer),
                false,
                register.commitments(peer)));
      }
    }
    SystemNeeds themes = needs.needs(icb.code(), ComparatorChoice.ENGLAND);
    Map<String, String> themeOf = new HashMap<>();
    for (ThemeNeeds t : themes.themes()) {
      for (IndicatorNeed i : t.indicators()) {
        themeOf.put(i.indicatorId(), t.themeCode());
      }
    }
    return PeerComparison.of(shown, themeTitles(icb.code()), themeOf);
  }

  private Map<String, String> themeTitles(String icbCode) {
    Map<String, String> titles = new LinkedHashMap<>();
    for (ThemeNeeds t : needs.needs(icbCode, ComparatorChoice.ENGLAND).themes()) {
      titles.put(t.themeCode(), t.title());
    }
    return titles;
  }
}
