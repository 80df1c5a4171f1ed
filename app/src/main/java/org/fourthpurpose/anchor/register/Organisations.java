package org.fourthpurpose.anchor.register;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.fourthpurpose.anchor.AnchorOrganisation;
import org.fourthpurpose.anchor.CommitmentsChanged;
import org.fourthpurpose.anchor.OrganisationType;
import org.fourthpurpose.audit.AuditLog;
import org.fourthpurpose.geography.Geography;
import org.fourthpurpose.geography.LadIcbPart;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A workspace's register of organisations: lists, adds, changes and removes them, checking every
 * field and refusing an identifier another organisation of the register already has; seeds the
 * register from the shipped data the first time it is read ({@link RegisterSeeding}). Each change
 * is recorded in the audit log and announced as {@link CommitmentsChanged} in its transaction. The
 * caller checks the person's role.
 */
@Service
public class Organisations {

  private static final String COLUMNS =
      "id, icb_code, name, type, ods_code, gss_code, ukprn, charity_number, company_number,"
          + " staff, annual_non_pay_spend, contact_owner, activity_share, latitude, longitude,"
          + " seeded";

  private final JdbcClient sql;
  private final TransactionTemplate transaction;
  private final Geography geography;
  private final RegisterSeeding seeding;
  private final AuditLog audit;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  Organisations(
      JdbcClient sql,
      TransactionTemplate transaction,
      Geography geography,
      RegisterSeeding seeding,
      AuditLog audit,
      ApplicationEventPublisher events,
      Clock clock) {
    this.sql = sql;
    this.transaction = transaction;
    this.geography = geography;
    this.seeding = seeding;
    this.audit = audit;
    this.events = events;
    this.clock = clock;
  }

  /** An organisation with the location the register keeps for it (seeded trusts have one). */
  public record Located(AnchorOrganisation organisation, Double latitude, Double longitude) {}

  /** The workspace's organisations by name, seeding the register first if it never was. */
  public List<AnchorOrganisation> list(String icbCode) {
    return located(icbCode).stream().map(Located::organisation).toList();
  }

  /** The same, with each organisation's point where it has one. */
  public List<Located> located(String icbCode) {
    seeding.seedOnce(icbCode);
    Map<Long, List<String>> places = places(icbCode);
    return sql.sql(
            "select "
                + COLUMNS
                + " from anchor_organisation where icb_code = ? order by lower(name), id")
        .param(icbCode)
        .query((rs, n) -> map(rs, places.getOrDefault(rs.getLong("id"), List.of())))
        .list();
  }

  public Optional<AnchorOrganisation> find(String icbCode, long id) {
    return sql.sql("select " + COLUMNS + " from anchor_organisation where icb_code = ? and id = ?")
        .params(icbCode, id)
        .query((rs, n) -> map(rs, placesOf(id)).organisation())
        .optional();
  }

  /** The district codes of the system's footprint, the places an organisation may serve. */
  public Set<String> footprint(String icbCode) {
    return geography.ladPartsOf(icbCode).stream()
        .map(LadIcbPart::ladCode)
        .collect(Collectors.toCollection(java.util.TreeSet::new));
  }

  /**
   * Adds an organisation.
   *
   * @throws OrganisationProblems with every field at fault; nothing is stored
   */
  public AnchorOrganisation add(String icbCode, OrganisationDraft draft) {
    seeding.seedOnce(icbCode);
    List<FieldProblem> problems = new ArrayList<>();
    CheckedOrganisation checked = CheckedOrganisation.check(draft, footprint(icbCode), problems);
    if (checked != null) {
      duplicates(icbCode, checked.identifiers(), null, problems);
    }
    if (!problems.isEmpty()) {
      throw new OrganisationProblems(problems);
    }
    long id =
        stored(
            () ->
                transaction.execute(
                    status -> {
                      long added = insert(icbCode, checked, false, null, null);
                      audit.record(
                          icbCode,
                          "anchor-organisation.added",
                          subject(checked.name(), added),
                          null,
                          summary(checked));
                      events.publishEvent(new CommitmentsChanged(icbCode));
                      return added;
                    }));
    return find(icbCode, id).orElseThrow();
  }

  /**
   * Adds every organisation of a checked file in one transaction: all or none.
   *
   * @return the ids of the organisations added, in the file's order
   */
  List<Long> addAll(String icbCode, List<CheckedOrganisation> organisations, String fileName) {
    seeding.seedOnce(icbCode);
    return stored(
        () ->
            transaction.execute(
                status -> {
                  List<Long> ids = new ArrayList<>();
                  for (CheckedOrganisation o : organisations) {
                    ids.add(insert(icbCode, o, false, null, null));
                  }
                  audit.record(
                      icbCode,
                      "anchor-organisation.imported",
                      "organisations from " + fileName,
                      null,
                      ids.size() + " organisations added");
                  events.publishEvent(new CommitmentsChanged(icbCode));
                  return ids;
                }));
  }

  /**
   * Changes an organisation (its point and whether it was seeded stay).
   *
   * @return empty when the workspace has no organisation with this id
   * @throws OrganisationProblems with every field at fault; nothing is changed
   */
  public Optional<AnchorOrganisation> update(String icbCode, long id, OrganisationDraft draft) {
    Optional<AnchorOrganisation> existing = find(icbCode, id);
    if (existing.isEmpty()) {
      return Optional.empty();
    }
    List<FieldProblem> problems = new ArrayList<>();
    CheckedOrganisation checked = CheckedOrganisation.check(draft, footprint(icbCode), problems);
    if (checked != null) {
      duplicates(icbCode, checked.identifiers(), id, problems);
    }
    if (!problems.isEmpty()) {
      throw new OrganisationProblems(problems);
    }
    stored(
        () ->
            transaction.execute(
                status -> {
                  sql.sql(
                          "update anchor_organisation set name = ?, type = ?, ods_code = ?,"
                              + " gss_code = ?, ukprn = ?, charity_number = ?,"
                              + " company_number = ?, staff = ?, annual_non_pay_spend = ?,"
                              + " contact_owner = ?, activity_share = ?, updated_at = ?"
                              + " where icb_code = ? and id = ?")
                      .params(
                          checked.name(),
                          checked.type().code(),
                          checked.identifiers().get("ods"),
                          checked.identifiers().get("gss"),
                          checked.identifiers().get("ukprn"),
                          checked.identifiers().get("charity"),
                          checked.identifiers().get("company"),
                          checked.staff(),
                          checked.annualNonPaySpend(),
                          checked.contactOwner(),
                          checked.activityShare(),
                          Timestamp.from(clock.instant()),
                          icbCode,
                          id)
                      .update();
                  sql.sql("delete from anchor_organisation_place where organisation_id = ?")
                      .param(id)
                      .update();
                  insertPlaces(id, checked.places());
                  audit.record(
                      icbCode,
                      "anchor-organisation.changed",
                      subject(checked.name(), id),
                      summary(existing.get()),
                      summary(checked));
                  events.publishEvent(new CommitmentsChanged(icbCode));
                  return id;
                }));
    return find(icbCode, id);
  }

  /**
   * Removes an organisation with its strategies, commitments, progression levels and spend analyses
   * (whose figures mean nothing without the organisation they are for).
   *
   * @return false when the workspace has no organisation with this id
   */
  public boolean remove(String icbCode, long id) {
    Optional<AnchorOrganisation> existing = find(icbCode, id);
    if (existing.isEmpty()) {
      return false;
    }
    transaction.executeWithoutResult(
        status -> {
          // anchor.spend keeps no foreign key to the register (its tables came in their own
          // migration), so its analyses of this organisation go here, in the same transaction.
          sql.sql("delete from anchor_spend_analysis where icb_code = ? and organisation_id = ?")
              .params(icbCode, id)
              .update();
          sql.sql("delete from anchor_organisation where icb_code = ? and id = ?")
              .params(icbCode, id)
              .update();
          audit.record(
              icbCode,
              "anchor-organisation.removed",
              subject(existing.get().name(), id),
              summary(existing.get()),
              null);
          events.publishEvent(new CommitmentsChanged(icbCode));
        });
    return true;
  }

  /**
   * The identifiers of the workspace's organisations (other than {@code except}) by key and value,
   * with the name of the organisation holding each.
   */
  Map<String, Map<String, String>> identifiersInUse(String icbCode, Long except) {
    Map<String, Map<String, String>> inUse = new HashMap<>();
    sql.sql(
            "select id, name, ods_code, gss_code, ukprn, charity_number, company_number"
                + " from anchor_organisation where icb_code = ?")
        .param(icbCode)
        .query(
            rs -> {
              if (except != null && rs.getLong("id") == except) {
                return;
              }
              for (Identifiers kind : Identifiers.values()) {
                String value = rs.getString(kind.column());
                if (value != null) {
                  inUse
                      .computeIfAbsent(kind.key(), k -> new HashMap<>())
                      .put(value, rs.getString("name"));
                }
              }
            });
    return inUse;
  }

  private void duplicates(
      String icbCode, Map<String, String> identifiers, Long except, List<FieldProblem> problems) {
    Map<String, Map<String, String>> inUse = identifiersInUse(icbCode, except);
    identifiers.forEach(
        (key, value) -> {
          String holder = inUse.getOrDefault(key, Map.of()).get(value);
          if (holder != null) {
            problems.add(
                new FieldProblem(
                    key,
                    Identifiers.byKey(key).orElseThrow().label()
                        + " "
                        + value
                        + " is already in the register, for "
                        + holder));
          }
        });
  }

  /**
   * Runs a store, turning a clash with a concurrent change of the same identifier into a problem.
   */
  private <T> T stored(java.util.function.Supplier<T> store) {
    try {
      return store.get();
    } catch (DuplicateKeyException e) {
      throw new OrganisationProblems(
          List.of(
              new FieldProblem(
                  "identifiers",
                  "Someone has just added an organisation with one of these identifiers: reload"
                      + " the register and try again")));
    }
  }

  /** Inserts one organisation and its places in the current transaction; returns its id. */
  long insert(
      String icbCode, CheckedOrganisation o, boolean seeded, Double latitude, Double longitude) {
    Timestamp now = Timestamp.from(clock.instant());
    org.springframework.jdbc.support.KeyHolder key =
        new org.springframework.jdbc.support.GeneratedKeyHolder();
    sql.sql(
            "insert into anchor_organisation (icb_code, name, type, ods_code, gss_code, ukprn,"
                + " charity_number, company_number, staff, annual_non_pay_spend, contact_owner,"
                + " activity_share, latitude, longitude, seeded, created_at, updated_at)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            icbCode,
            o.name(),
            o.type().code(),
            o.identifiers().get("ods"),
            o.identifiers().get("gss"),
            o.identifiers().get("ukprn"),
            o.identifiers().get("charity"),
            o.identifiers().get("company"),
            o.staff(),
            o.annualNonPaySpend(),
            o.contactOwner(),
            o.activityShare(),
            latitude,
            longitude,
            seeded,
            now,
            now)
        .update(key, "id");
    long id = key.getKey().longValue();
    insertPlaces(id, o.places());
    return id;
  }

  private void insertPlaces(long id, List<String> places) {
    for (String lad : new LinkedHashSet<>(places)) {
      sql.sql("insert into anchor_organisation_place (organisation_id, lad_code) values (?, ?)")
          .params(id, lad)
          .update();
    }
  }

  private Map<Long, List<String>> places(String icbCode) {
    Map<Long, List<String>> places = new HashMap<>();
    sql.sql(
            "select p.organisation_id, p.lad_code from anchor_organisation_place p join"
                + " anchor_organisation o on o.id = p.organisation_id where o.icb_code = ?"
                + " order by p.organisation_id, p.lad_code")
        .param(icbCode)
        .query(
            rs -> {
              places.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
            });
    return places;
  }

  private List<String> placesOf(long id) {
    return sql.sql(
            "select lad_code from anchor_organisation_place where organisation_id = ?"
                + " order by lad_code")
        .param(id)
        .query(String.class)
        .list();
  }

  private static Located map(ResultSet rs, List<String> places) throws SQLException {
    Map<String, String> identifiers = new LinkedHashMap<>();
    for (Identifiers kind : Identifiers.values()) {
      String value = rs.getString(kind.column());
      if (value != null) {
        identifiers.put(kind.key(), value);
      }
    }
    int staff = rs.getInt("staff");
    Integer staffOrNull = rs.wasNull() ? null : staff;
    double latitude = rs.getDouble("latitude");
    Double lat = rs.wasNull() ? null : latitude;
    double longitude = rs.getDouble("longitude");
    Double lon = rs.wasNull() ? null : longitude;
    BigDecimal share = rs.getBigDecimal("activity_share");
    return new Located(
        new AnchorOrganisation(
            rs.getLong("id"),
            rs.getString("icb_code"),
            rs.getString("name"),
            OrganisationType.find(rs.getString("type")).orElse(OrganisationType.OTHER),
            identifiers,
            staffOrNull,
            rs.getBigDecimal("annual_non_pay_spend"),
            places,
            rs.getString("contact_owner"),
            share,
            rs.getBoolean("seeded")),
        lat,
        lon);
  }

  static String subject(String name, long id) {
    return "organisation " + name + " (" + id + ")";
  }

  static String summary(CheckedOrganisation o) {
    return summary(
        o.name(),
        o.type(),
        o.identifiers(),
        o.staff(),
        o.annualNonPaySpend(),
        o.places(),
        o.contactOwner(),
        o.activityShare());
  }

  static String summary(AnchorOrganisation o) {
    return summary(
        o.name(),
        o.type(),
        o.identifiers(),
        o.staff(),
        o.annualNonPaySpend(),
        o.places(),
        o.contactOwner(),
        o.activityShare());
  }

  private static String summary(
      String name,
      OrganisationType type,
      Map<String, String> identifiers,
      Integer staff,
      BigDecimal spend,
      List<String> places,
      String contact,
      BigDecimal share) {
    StringBuilder text = new StringBuilder(name).append("; type ").append(type.code());
    identifiers.forEach((k, v) -> text.append("; ").append(k).append(' ').append(v));
    if (staff != null) {
      text.append("; staff ").append(staff);
    }
    if (spend != null) {
      text.append("; non-pay spend ").append(spend.toPlainString());
    }
    if (!places.isEmpty()) {
      text.append("; places ").append(String.join(" ", places));
    }
    if (contact != null) {
      text.append("; contact ").append(contact);
    }
    if (share != null) {
      text.append("; activity share ").append(share.toPlainString());
    }
    return text.toString();
  }
}
