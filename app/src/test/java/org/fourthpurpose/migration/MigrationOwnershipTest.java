package org.fourthpurpose.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Each migration from V100 on lives in {@code db/migration/<feature>/} and touches only its
 * feature's tables: every table it creates, alters, drops or writes, and every index it creates or
 * drops (and the table under it), is named with the feature's prefix ({@code job_} for {@code
 * job/}). The seven migrations from before the rule stay where they were (their checksums are
 * stored in existing databases).
 */
class MigrationOwnershipTest {

  static final String ROOT = "db/migration/";
  static final Set<String> BEFORE_THE_RULE =
      Set.of(
          "V1__reference_data.sql",
          "V2__accounts.sql",
          "V10__indicators.sql",
          "V11__imported_value_by_import.sql",
          "V15__peer_group_sharing.sql",
          "V20__maturity.sql",
          "V21__maturity_round_revision.sql");

  /**
   * Prefixes a feature's tables had before the rule, besides {@code <feature>_}; its new migrations
   * may go on using them. Keep this short: a new feature names its tables after itself.
   */
  static final Map<String, List<String>> OTHER_PREFIXES =
      Map.of(
          "indicator", List.of("imported_"),
          "peergroup", List.of("peer_group", "icb_nearest_neighbour", "icb_peer_characteristic"),
          "account", List.of("workspace", "access_token", "one_time_link"),
          "geography", List.of("region", "icb", "sub_icb", "lad", "lsoa1", "lsoa2", "boundary"),
          "deprivation", List.of("lsoa_deprivation"));

  private static final Pattern VERSION = Pattern.compile("V(\\d+)__.+\\.sql");

  /** Each statement form that touches a table or an index, and the group holding its name. */
  private static final List<Pattern> TOUCHES =
      List.of(
          Pattern.compile("^create\\s+(?:unique\\s+)?table\\s+(?:if\\s+not\\s+exists\\s+)?(\\w+)"),
          Pattern.compile("^alter\\s+table\\s+(?:if\\s+exists\\s+)?(?:only\\s+)?(\\w+)"),
          Pattern.compile("^alter\\s+table\\s+.*\\brename\\s+to\\s+(\\w+)"),
          Pattern.compile("^drop\\s+table\\s+(?:if\\s+exists\\s+)?([\\w\\s,]+?)(?:\\s+cascade)?$"),
          Pattern.compile(
              "^create\\s+(?:unique\\s+)?index\\s+(?:concurrently\\s+)?(?:if\\s+not\\s+exists\\s+)?"
                  + "(\\w+)"),
          Pattern.compile("^create\\s+(?:unique\\s+)?index\\s+.*?\\bon\\s+(?:only\\s+)?(\\w+)"),
          Pattern.compile("^drop\\s+index\\s+(?:concurrently\\s+)?(?:if\\s+exists\\s+)?(\\w+)"),
          Pattern.compile("^insert\\s+into\\s+(\\w+)"),
          Pattern.compile("^update\\s+(\\w+)"),
          Pattern.compile("^delete\\s+from\\s+(\\w+)"),
          Pattern.compile("^comment\\s+on\\s+(?:table|column|index)\\s+(\\w+)"));

  @Test
  void everyMigrationFromV100LivesInAFeatureFolderAndTouchesOnlyThatFeaturesTables()
      throws IOException {
    List<String> problems = new ArrayList<>();
    Map<Integer, String> versions = new HashMap<>();
    for (Resource resource :
        new PathMatchingResourcePatternResolver().getResources("classpath*:" + ROOT + "**/*.sql")) {
      String path = relativePath(resource);
      String name = path.substring(path.lastIndexOf('/') + 1);
      String folder = path.contains("/") ? path.substring(0, path.indexOf('/')) : "";
      Matcher version = VERSION.matcher(name);
      if (!version.matches()) {
        problems.add(path + ": not named V<version>__<description>.sql");
        continue;
      }
      int number = Integer.parseInt(version.group(1));
      String earlier = versions.put(number, path);
      if (earlier != null) {
        problems.add(path + ": version " + number + " is taken by " + earlier);
      }
      if (folder.isEmpty()) {
        if (!BEFORE_THE_RULE.contains(name)) {
          problems.add(path + ": new migrations go in " + ROOT + "<feature>/, from V100");
        }
        continue;
      }
      if (number < 100) {
        problems.add(path + ": versions below 100 belong to the migrations from before the rule");
      }
      try (InputStream in = resource.getInputStream()) {
        problems.addAll(
            outsideTheFeature(folder, path, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
      }
    }
    assertThat(versions).containsKey(100);
    assertThat(problems).isEmpty();
  }

  @Test
  void findsATableOrIndexOutsideTheFeatureInAnyStatementThatTouchesIt() {
    String sql =
        """
        -- create table comments_are_ignored (id int);
        create table job_run (id bigint primary key);
        create index job_run_kind on job_run (kind);
        create table if not exists peer_group_extra (id int);
        alter table maturity_round add column x int;
        create unique index job_other on workspace_member (account_id);
        /* drop table also_ignored; */
        drop table job_old, account;
        insert into indicator (id) values ('x');
        alter table job_run rename to reference_run;
        """;

    assertThat(outsideTheFeature("job", "job/V999__test.sql", sql))
        .containsExactly(
            "job/V999__test.sql: peer_group_extra is not a table of job",
            "job/V999__test.sql: maturity_round is not a table of job",
            "job/V999__test.sql: workspace_member is not a table of job",
            "job/V999__test.sql: account is not a table of job",
            "job/V999__test.sql: indicator is not a table of job",
            "job/V999__test.sql: reference_run is not a table of job");
    assertThat(outsideTheFeature("indicator", "x", "create table imported_extra (id int)"))
        .isEmpty();
  }

  /** What a migration in {@code feature}'s folder touches that is not the feature's own. */
  static List<String> outsideTheFeature(String feature, String path, String sql) {
    List<String> prefixes = new ArrayList<>(List.of(feature + "_"));
    prefixes.addAll(OTHER_PREFIXES.getOrDefault(feature, List.of()));
    String text =
        sql.replaceAll("(?s)/\\*.*?\\*/", " ")
            .replaceAll("--[^\\n]*", " ")
            .toLowerCase(Locale.ROOT);
    List<String> problems = new ArrayList<>();
    for (String statement : text.split(";")) {
      String flat = statement.strip().replaceAll("\\s+", " ");
      for (Pattern touch : TOUCHES) {
        Matcher m = touch.matcher(flat);
        if (!m.find()) {
          continue;
        }
        for (String name : m.group(1).split(",")) {
          String table = name.strip();
          boolean own = table.equals(feature) || prefixes.stream().anyMatch(table::startsWith);
          String problem = path + ": " + table + " is not a table of " + feature;
          if (!own && !problems.contains(problem)) {
            problems.add(problem);
          }
        }
      }
    }
    return problems;
  }

  private static String relativePath(Resource resource) throws IOException {
    String url = resource.getURL().toString();
    return url.substring(url.lastIndexOf(ROOT) + ROOT.length());
  }
}
