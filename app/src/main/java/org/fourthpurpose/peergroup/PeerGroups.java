package org.fourthpurpose.peergroup;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.fourthpurpose.account.WorkspaceAccess;
import org.fourthpurpose.audit.AuditLog;
import org.fourthpurpose.geography.Geography;
import org.fourthpurpose.geography.IntegratedCareBoard;
import org.fourthpurpose.indicator.IndicatorCatalogue;
import org.fourthpurpose.web.InvalidInputException;
import org.fourthpurpose.web.PublicPagesChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The systems each ICS compares itself with: England, its region, its five statistical nearest
 * neighbours, and groups it saves (geographic or thematic); and the comparator value of an
 * indicator for each.
 *
 * <p>Nearest neighbours are computed when the shipped data loads (see {@link PeerCharacteristic}):
 * each characteristic is standardised across the 42 ICBs and the five ICBs at the smallest
 * Euclidean distance, with equal weights, are the neighbours. {@link IcsProfiles} works out the
 * comparator values from them.
 */
@Service
public class PeerGroups {

  private final JdbcClient jdbc;
  private final Geography geography;
  private final IndicatorCatalogue indicators;
  private final Clock clock;
  private final ApplicationEventPublisher events;
  private final WorkspaceAccess access;
  private final AuditLog audit;

  PeerGroups(
      JdbcClient jdbc,
      Geography geography,
      IndicatorCatalogue indicators,
      Clock clock,
      ApplicationEventPublisher events,
      WorkspaceAccess access,
      AuditLog audit) {
    this.jdbc = jdbc;
    this.geography = geography;
    this.indicators = indicators;
    this.clock = clock;
    this.events = events;
    this.access = access;
    this.audit = audit;
  }

  public List<Neighbour> nearestNeighbours(String icbCode) {
    return jdbc.sql(
            "select neighbour_code, rank, distance from icb_nearest_neighbour where icb_code = ?"
                + " order by rank")
        .params(icbCode)
        .query((rs, n) -> new Neighbour(rs.getString(1), rs.getInt(2), rs.getDouble(3)))
        .list();
  }

  /** The characteristics neighbours were found from, as value and z-score, for one ICB. */
  public Map<PeerCharacteristic, double[]> characteristics(String icbCode) {
    Map<PeerCharacteristic, double[]> result = new TreeMap<>();
    jdbc.sql(
            "select characteristic, observation, z_score from icb_peer_characteristic where"
                + " icb_code = ?")
        .params(icbCode)
        .query(
            rs -> {
              for (PeerCharacteristic c : PeerCharacteristic.values()) {
                if (c.key().equals(rs.getString(1))) {
                  result.put(c, new double[] {rs.getDouble(2), rs.getDouble(3)});
                }
              }
            });
    return result;
  }

  /** The other ICBs whose population mostly lies in the same ONS region. */
  public List<String> regionPeers(String icbCode) {
    IntegratedCareBoard icb = requireIcb(icbCode);
    return geography.icbs().stream()
        .filter(i -> i.regionCode().equals(icb.regionCode()) && !i.code().equals(icb.code()))
        .map(IntegratedCareBoard::code)
        .toList();
  }

  /** Saves a group in a workspace; members are ICB codes (ONS or ODS). The caller checks rights. */
  @Transactional
  public PeerGroup create(
      String workspaceIcbCode,
      String name,
      PeerGroup.Kind kind,
      String themeCode,
      String description,
      List<String> members) {
    return create(workspaceIcbCode, name, kind, themeCode, description, false, members);
  }

  /** Saves a group, published (its page public) or kept within the workspace. */
  @Transactional
  public PeerGroup create(
      String workspaceIcbCode,
      String name,
      PeerGroup.Kind kind,
      String themeCode,
      String description,
      boolean published,
      List<String> members) {
    if (name == null || name.isBlank() || name.length() > 200) {
      throw new InvalidInputException("name", "give the group a name of up to 200 characters");
    }
    if (description != null && description.length() > 2000) {
      throw new InvalidInputException("description", "keep the description to 2,000 characters");
    }
    if (kind == null) {
      throw new InvalidInputException("kind", "choose geographic or thematic");
    }
    if (kind == PeerGroup.Kind.THEMATIC
        && (themeCode == null
            || indicators.themes().stream().noneMatch(t -> t.code().equals(themeCode)))) {
      throw new InvalidInputException("themeCode", "a thematic group needs one of the themes");
    }
    LinkedHashSet<String> codes = new LinkedHashSet<>();
    for (String member : members == null ? List.<String>of() : members) {
      codes.add(
          geography
              .icb(member == null ? null : member.strip())
              .orElseThrow(
                  () -> new InvalidInputException("members", "'" + member + "' is not an ICB"))
              .code());
    }
    if (codes.size() < 2) {
      throw new InvalidInputException("members", "a group needs at least two ICBs");
    }
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    // Typed nulls, as the statement set them before, so PostgreSQL need not guess the type.
    jdbc.sql(
            "insert into peer_group (workspace_icb_code, name, kind, theme_code, description,"
                + " published, created_at) values (?, ?, ?, ?, ?, ?, ?)")
        .params(
            workspaceIcbCode,
            name.strip(),
            kind.name(),
            new SqlParameterValue(
                Types.VARCHAR, kind == PeerGroup.Kind.THEMATIC ? themeCode : null),
            new SqlParameterValue(
                Types.VARCHAR, description == null || description.isBlank() ? null : description),
            published,
            Timestamp.from(Instant.now(clock)))
        .update(key, "id");
    long id = key.getKey().longValue();
    if (published) {
      events.publishEvent(new PublicPagesChanged("group " + id + " published"));
    }
    // A group has a handful of members, so one statement each costs nothing worth batching.
    for (String code : codes) {
      jdbc.sql("insert into peer_group_member (group_id, icb_code) values (?, ?)")
          .params(id, code)
          .update();
    }
    PeerGroup group = group(workspaceIcbCode, id).orElseThrow();
    audit.record(workspaceIcbCode, "group.created", groupName(group), null, summary(group));
    return group;
  }

  public List<PeerGroup> groups(String workspaceIcbCode) {
    List<Long> ids =
        jdbc.sql("select id from peer_group where workspace_icb_code = ? order by name")
            .params(workspaceIcbCode)
            .query(Long.class)
            .list();
    List<PeerGroup> groups = new ArrayList<>();
    ids.forEach(id -> group(workspaceIcbCode, id).ifPresent(groups::add));
    return groups;
  }

  /** A group saved in the workspace, or empty when the workspace has no group with this id. */
  public Optional<PeerGroup> group(String workspaceIcbCode, long id) {
    return group(id).filter(g -> g.workspaceIcbCode().equals(workspaceIcbCode));
  }

  /** A group by id, whichever workspace saved it; the caller decides who may see it. */
  public Optional<PeerGroup> group(long id) {
    List<String> members =
        jdbc.sql("select icb_code from peer_group_member where group_id = ? order by icb_code")
            .params(id)
            .query(String.class)
            .list();
    return jdbc
        .sql(
            "select id, workspace_icb_code, name, kind, theme_code, description, published from"
                + " peer_group where id = ?")
        .params(id)
        .query(
            (rs, n) ->
                new PeerGroup(
                    rs.getLong("id"),
                    rs.getString("workspace_icb_code"),
                    rs.getString("name"),
                    PeerGroup.Kind.valueOf(rs.getString("kind")),
                    rs.getString("theme_code"),
                    rs.getString("description"),
                    rs.getBoolean("published"),
                    members))
        .list()
        .stream()
        .findFirst();
  }

  /** Groups other workspaces have published, by name. */
  public List<PeerGroup> publishedGroups() {
    List<Long> ids =
        jdbc.sql("select id from peer_group where published = true order by name")
            .query(Long.class)
            .list();
    List<PeerGroup> groups = new ArrayList<>();
    ids.forEach(id -> group(id).ifPresent(groups::add));
    return groups;
  }

  /** Publishes a group's page or takes it back into the workspace. */
  @Transactional
  public boolean publish(String workspaceIcbCode, long id, boolean published) {
    events.publishEvent(new PublicPagesChanged("group " + id + " publication changed"));
    Optional<PeerGroup> before = group(workspaceIcbCode, id);
    boolean updated =
        jdbc.sql("update peer_group set published = ? where id = ? and workspace_icb_code = ?")
                .params(published, id, workspaceIcbCode)
                .update()
            > 0;
    if (updated && before.isPresent()) {
      audit.record(
          workspaceIcbCode,
          published ? "group.published" : "group.unpublished",
          groupName(before.get()),
          before.get().published() ? "published" : "within the workspace",
          published ? "published" : "within the workspace");
    }
    return updated;
  }

  @Transactional
  public boolean delete(String workspaceIcbCode, long id) {
    events.publishEvent(new PublicPagesChanged("group " + id + " deleted"));
    Optional<PeerGroup> before = group(workspaceIcbCode, id);
    jdbc.sql(
            "delete from peer_group_member where group_id in (select id from peer_group where id = ?"
                + " and workspace_icb_code = ?)")
        .params(id, workspaceIcbCode)
        .update();
    boolean deleted =
        jdbc.sql("delete from peer_group where id = ? and workspace_icb_code = ?")
                .params(id, workspaceIcbCode)
                .update()
            > 0;
    if (deleted && before.isPresent()) {
      audit.record(
          workspaceIcbCode, "group.deleted", groupName(before.get()), summary(before.get()), null);
    }
    return deleted;
  }

  /** A group as the audit log names it. */
  private static String groupName(PeerGroup group) {
    return "group " + group.id() + " '" + group.name() + "'";
  }

  /** What a group is, in a line, for the audit log. */
  private static String summary(PeerGroup group) {
    return group.kind().name().toLowerCase(java.util.Locale.ROOT)
        + (group.themeCode() == null ? "" : " (" + group.themeCode() + ")")
        + ", members "
        + String.join(" ", group.memberIcbCodes())
        + (group.published() ? ", published" : ", within the workspace");
  }

  /** Whether the person asking may see a group: it is published, or they can view its workspace. */
  public boolean canSee(PeerGroup group) {
    return group.published() || access.canView(group.workspaceIcbCode());
  }

  /** A group the person asking may see. */
  public Optional<PeerGroup> visibleGroup(long id) {
    return group(id).filter(this::canSee);
  }

  private IntegratedCareBoard requireIcb(String icbCode) {
    return geography
        .icb(icbCode)
        .orElseThrow(() -> new InvalidInputException("icb", "'" + icbCode + "' is not an ICB"));
  }
}
