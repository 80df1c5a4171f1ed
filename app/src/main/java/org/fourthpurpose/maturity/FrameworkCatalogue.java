package org.fourthpurpose.maturity;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.fourthpurpose.account.Account;
import org.fourthpurpose.account.WorkspaceAccess;
import org.fourthpurpose.web.InvalidInputException;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The published versions of the framework and the areas ICSs have added to it. Versions never
 * change once published, so they are cached; the shipped version 1 is stored on first start.
 */
@Service
public class FrameworkCatalogue implements ApplicationRunner {

  static final String SHIPPED = "maturity/framework-v1.json";

  private final JdbcClient jdbc;
  private final WorkspaceAccess access;
  private final Clock clock;
  private final MaturityAudit audit;
  private final Map<Long, Framework> versions = new ConcurrentHashMap<>();
  private volatile Long currentId;

  FrameworkCatalogue(JdbcClient jdbc, WorkspaceAccess access, Clock clock, MaturityAudit audit) {
    this.jdbc = jdbc;
    this.access = access;
    this.clock = clock;
    this.audit = audit;
  }

  @Override
  public void run(ApplicationArguments args) {
    current();
  }

  /** The version new rounds are made against. */
  public Framework current() {
    Long id = currentId;
    if (id == null) {
      id = currentIdFromDatabase();
      currentId = id;
    }
    return version(id);
  }

  public Framework version(long frameworkId) {
    return versions.computeIfAbsent(frameworkId, this::load);
  }

  /** Every published version, newest first: id and version label. */
  public List<Map<String, Object>> history() {
    return jdbc.sql(
            "select id, version, title, is_current, published_at from maturity_framework"
                + " order by id desc")
        .query()
        .listOfRows();
  }

  /** Publishes a new version (platform administrators only); rounds already open keep theirs. */
  @Transactional
  public Framework publish(String json) {
    Account admin =
        access
            .currentAccount()
            .filter(Account::platformAdmin)
            .orElseThrow(
                () -> new AccessDeniedException("Only a platform administrator can publish."));
    FrameworkDefinition definition = FrameworkDefinition.parse(json);
    long id = store(definition, admin.id());
    currentId = id;
    Framework published = version(id);
    audit.frameworkPublished(published);
    return published;
  }

  private synchronized long currentIdFromDatabase() {
    List<Long> ids =
        jdbc.sql("select id from maturity_framework where is_current = true")
            .query(Long.class)
            .list();
    if (!ids.isEmpty()) {
      return ids.get(0);
    }
    return store(FrameworkDefinition.parse(shipped()), null);
  }

  private static String shipped() {
    try (InputStream in = new ClassPathResource(SHIPPED).getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("The shipped framework " + SHIPPED + " cannot be read", e);
    }
  }

  private long store(FrameworkDefinition definition, Long publishedBy) {
    boolean exists =
        jdbc.sql("select count(*) from maturity_framework where version = ?")
                .param(definition.version())
                .query(Integer.class)
                .single()
            > 0;
    if (exists) {
      throw new InvalidInputException(
          "invalid-framework",
          "Invalid framework",
          "version",
          definition.version(),
          "Version " + definition.version() + " has already been published; choose a new version.");
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    jdbc.sql("update maturity_framework set is_current = false").update();
    long frameworkId =
        Inserts.returningId(
            jdbc,
            "insert into maturity_framework (version, title, definition, is_current, published_at,"
                + " published_by) values (?, ?, ?, true, ?, ?)",
            definition.version(),
            definition.title(),
            definition.toJson(),
            now,
            publishedBy);
    int domainPosition = 0;
    for (var domain : definition.domains()) {
      jdbc.sql(
              "insert into maturity_domain (framework_id, code, title, position) values (?, ?, ?,"
                  + " ?)")
          .params(frameworkId, domain.id(), domain.title(), domainPosition++)
          .update();
      int areaPosition = 0;
      for (var area : domain.areas()) {
        insertArea(frameworkId, null, domain.id(), area, areaPosition++, now, publishedBy);
      }
    }
    return frameworkId;
  }

  private long insertArea(
      Long frameworkId,
      String icbCode,
      String domainId,
      FrameworkDefinition.AreaDefinition area,
      int position,
      OffsetDateTime now,
      Long createdBy) {
    long areaId =
        Inserts.returningId(
            jdbc,
            "insert into maturity_area (framework_id, icb_code, domain_code, code, title, summary,"
                + " examples, policy_links, position, created_at, created_by)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            frameworkId,
            icbCode,
            domainId,
            area.id(),
            area.title(),
            area.summary(),
            lines(area.examples()),
            lines(area.policyLinks()),
            position,
            now,
            createdBy);
    for (var level : area.levels()) {
      jdbc.sql(
              "insert into maturity_level_descriptor (area_id, level, descriptor) values (?, ?, ?)")
          .params(
              areaId,
              MaturityLevel.fromCode(level.level()).orElseThrow().code(),
              level.descriptor())
          .update();
    }
    return areaId;
  }

  private Framework load(long frameworkId) {
    Map<String, Object> row =
        jdbc.sql("select version, definition from maturity_framework where id = ?")
            .param(frameworkId)
            .query()
            .singleRow();
    FrameworkDefinition definition = FrameworkDefinition.parse((String) row.get("definition"));
    Map<String, FocusArea> areas = new LinkedHashMap<>();
    for (FocusArea area :
        loadAreas(
            "select id, code, domain_code, title, summary, examples, policy_links, icb_code"
                + " from maturity_area where framework_id = ? order by position",
            frameworkId)) {
      areas.put(area.id(), area);
    }
    List<FrameworkDomain> domains = new ArrayList<>();
    for (var domain : definition.domains()) {
      domains.add(
          new FrameworkDomain(
              domain.id(),
              domain.title(),
              domain.areas().stream().map(a -> areas.get(a.id())).toList()));
    }
    var source = definition.source();
    List<AgeGuidance> guidance =
        definition.systemAgeGuidance() == null
            ? List.of()
            : definition.systemAgeGuidance().stream()
                .map(
                    g ->
                        new AgeGuidance(
                            MaturityLevel.fromCode(g.level()).orElseThrow(), g.guidance()))
                .toList();
    return new Framework(
        frameworkId,
        definition.version(),
        definition.title(),
        new FrameworkSource(
            source.author(),
            source.title(),
            source.publisher(),
            source.year(),
            source.url(),
            source.note()),
        guidance,
        List.copyOf(domains));
  }

  private List<FocusArea> loadAreas(String sql, Object... params) {
    List<FocusArea> bare =
        jdbc.sql(sql)
            .params(params)
            .query(
                (rs, n) ->
                    new FocusArea(
                        rs.getLong("id"),
                        rs.getString("code"),
                        rs.getString("domain_code"),
                        rs.getString("title"),
                        rs.getString("summary"),
                        splitLines(rs.getString("examples")),
                        splitLines(rs.getString("policy_links")),
                        List.of(),
                        rs.getString("icb_code")))
            .list();
    if (bare.isEmpty()) {
      return bare;
    }
    Map<Long, List<LevelDescriptor>> descriptors = new LinkedHashMap<>();
    String in = String.join(",", bare.stream().map(a -> "?").toList());
    jdbc.sql(
            "select area_id, level, descriptor from maturity_level_descriptor where area_id in ("
                + in
                + ")")
        .params(bare.stream().map(FocusArea::rowId).map(Object.class::cast).toList())
        .query(
            rs -> {
              descriptors
                  .computeIfAbsent(rs.getLong("area_id"), k -> new ArrayList<>())
                  .add(
                      new LevelDescriptor(
                          MaturityLevel.fromCode(rs.getString("level")).orElseThrow(),
                          rs.getString("descriptor")));
            });
    return bare.stream()
        .map(
            a ->
                new FocusArea(
                    a.rowId(),
                    a.id(),
                    a.domainId(),
                    a.title(),
                    a.summary(),
                    a.examples(),
                    a.policyLinks(),
                    descriptors.getOrDefault(a.rowId(), List.of()).stream()
                        .sorted((x, y) -> x.level().compareTo(y.level()))
                        .toList(),
                    a.addedBy()))
        .toList();
  }

  /** Areas an ICS has added, oldest first. */
  public List<FocusArea> systemAreas(String icbCode) {
    return loadAreas(
        "select id, code, domain_code, title, summary, examples, policy_links, icb_code"
            + " from maturity_area where framework_id is null and icb_code = ? order by id",
        icbCode);
  }

  /** The areas with these database keys, from any version or ICS. */
  List<FocusArea> areasByRowId(Collection<Long> rowIds) {
    if (rowIds.isEmpty()) {
      return List.of();
    }
    String in = String.join(",", rowIds.stream().map(a -> "?").toList());
    return loadAreas(
        "select id, code, domain_code, title, summary, examples, policy_links, icb_code"
            + " from maturity_area where id in ("
            + in
            + ") order by id",
        rowIds.toArray());
  }

  /**
   * Adds an area of focus of an ICS's own (ICS administrators only). It is included in rounds the
   * ICS opens from now on; rounds already open keep the areas they started with.
   */
  @Transactional
  public FocusArea addSystemArea(
      String icbCode,
      String domainId,
      String title,
      String summary,
      Map<MaturityLevel, String> descriptors) {
    access.requireAdminister(icbCode);
    Framework framework = current();
    if (domainId == null || framework.domain(domainId).isEmpty()) {
      throw new InvalidInputException(
          "domain", domainId, "Choose one of the framework's domains for the new area.");
    }
    String cleanTitle = Text.required("title", title, 200, "Enter a title for the area.");
    String cleanSummary = Text.optional("summary", summary, 2000);
    List<FrameworkDefinition.LevelDefinition> levels = new ArrayList<>();
    for (MaturityLevel level : MaturityLevel.DESCRIBED) {
      levels.add(
          new FrameworkDefinition.LevelDefinition(
              level.code(),
              Text.required(
                  "descriptor-" + level.code(),
                  descriptors.get(level),
                  4000,
                  "Describe what " + level.label().toLowerCase(Locale.ROOT) + " looks like.")));
    }
    Set<String> taken = new HashSet<>();
    framework.areas().forEach(a -> taken.add(a.id()));
    systemAreas(icbCode).forEach(a -> taken.add(a.id()));
    String base = "ics-" + slug(cleanTitle);
    String id = base;
    for (int n = 2; taken.contains(id); n++) {
      id = base + "-" + n;
    }
    var definition =
        new FrameworkDefinition.AreaDefinition(
            id, cleanTitle, cleanSummary, List.of(), List.of(), levels);
    long rowId =
        insertArea(
            null,
            icbCode,
            domainId,
            definition,
            1000,
            OffsetDateTime.now(clock),
            access.currentAccount().map(Account::id).orElse(null));
    FocusArea added = areasByRowId(List.of(rowId)).get(0);
    audit.areaAdded(icbCode, added);
    return added;
  }

  static String slug(String title) {
    String slug =
        title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
    if (slug.isEmpty()) {
      slug = "area";
    }
    return slug.length() > 80 ? slug.substring(0, 80).replaceAll("-+$", "") : slug;
  }

  private static String lines(List<String> values) {
    return values == null ? "" : String.join("\n", values);
  }

  private static List<String> splitLines(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    return Arrays.stream(text.split("\n")).filter(s -> !s.isBlank()).toList();
  }
}
