package org.fourthpurpose.analytics.spark;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.fourthpurpose.analytics.Breakdown;
import org.fourthpurpose.analytics.EngineAggregates;
import org.fourthpurpose.analytics.ExtractColumn;
import org.fourthpurpose.analytics.ExtractProblem;
import org.fourthpurpose.analytics.ExtractRefused;
import org.fourthpurpose.analytics.ExtractRule;
import org.fourthpurpose.analytics.ExtractSource;
import org.fourthpurpose.analytics.FunctionAggregate;
import org.fourthpurpose.analytics.GroupAggregate;
import org.fourthpurpose.analytics.NeighbourhoodLookup;
import org.fourthpurpose.analytics.PathwayGroups;
import org.fourthpurpose.analytics.RecordLevelAnalytics;
import org.fourthpurpose.analytics.WaitHistogram;

/**
 * The record-level equity analyses on Apache Spark: reads an extract (CSV or Parquet), validates
 * every row with the rules of {@link ExtractColumn} and aggregates every {@link Breakdown} with
 * Spark SQL, for waiting lists too big for one machine's DuckDB.
 *
 * <p>How: the extract is read as text, trimmed, joined (broadcast) to the neighbourhood lookup, and
 * each column's rule evaluated as an expression. A valid file is read twice: once to count rows,
 * problems and repeated pathway ids (one shuffle by id), once for one {@code GROUPING SETS} query
 * of plain counts per group × wait, finished on the driver by {@link WaitHistogram} (so the
 * quantiles are exact, type 7, with the same arithmetic as the DuckDB engine). Problems are rare
 * and at most {@link ExtractRefused#MAX_PROBLEMS} are reported, so their line numbers and values
 * are looked up only when there are some ({@link LineNumbers}). Nothing is cached: memory stays
 * small and bounded whatever the file's size, Spark spilling to disk where it must.
 *
 * <p>Thread-safe: each call uses its own temporary view; the session is shared and not owned (the
 * caller stops it).
 */
public final class SparkRecordLevelAnalytics implements RecordLevelAnalytics {

  private static final String WAIT = "wait_days";
  private static final String OVER_18 = "over_18";
  private static final String OVER_52 = "over_52";
  private static final String PROBLEMS = "problems";

  private final SparkSession spark;

  public SparkRecordLevelAnalytics(SparkSession spark) {
    this.spark = Objects.requireNonNull(spark, "spark");
  }

  @Override
  public String engineName() {
    return "Apache Spark " + spark.version();
  }

  @Override
  public EngineAggregates aggregate(
      ExtractSource source, LocalDate censusDate, NeighbourhoodLookup lookup)
      throws ExtractRefused {
    Objects.requireNonNull(censusDate, "censusDate");
    Objects.requireNonNull(lookup, "lookup");
    ExtractReader.Extract extract = ExtractReader.read(spark, source);
    Dataset<Row> checked = check(extract.rows(), censusDate, lookup);
    refuseIfBroken(extract, checked, censusDate);
    return aggregates(checked, censusDate);
  }

  // ---------------------------------------------------------------- checking

  /** The rows trimmed, classified and with each column's rule, without the raw values. */
  private Dataset<Row> check(Dataset<Row> rows, LocalDate censusDate, NeighbourhoodLookup lookup) {
    List<Column> trimmed = new ArrayList<>();
    trimmed.add(col(ExtractReader.ROW_ID));
    for (ExtractColumn c : ExtractColumn.values()) {
      trimmed.add(ExtractChecks.trimmed(c).as(ExtractChecks.trimmedName(c)));
    }
    Dataset<Row> neighbourhoods = lookupFrame(lookup);
    Dataset<Row> joined =
        rows.select(trimmed.toArray(Column[]::new))
            .join(
                broadcast(neighbourhoods),
                ExtractChecks.code(ExtractColumn.LSOA_CODE).equalTo(col("lsoa_code")),
                "left");

    List<Column> out = new ArrayList<>();
    out.add(col(ExtractReader.ROW_ID));
    out.add(col(ExtractChecks.trimmedName(ExtractColumn.PATHWAY_ID)));
    Column problems = lit(0);
    for (Map.Entry<ExtractColumn, Column> rule : ExtractChecks.rules(censusDate).entrySet()) {
      String name = ExtractChecks.ruleName(rule.getKey());
      out.add(rule.getValue().as(name));
      problems = problems.plus(when(col(name).isNotNull(), 1).otherwise(0));
    }
    out.add(problems.as(PROBLEMS));
    Column wait = datediff(lit(java.sql.Date.valueOf(censusDate)), ExtractChecks.clockStart());
    out.add(wait.as(WAIT));
    out.add(wait.gt(PathwayGroups.EIGHTEEN_WEEKS_DAYS).cast(DataTypes.IntegerType).as(OVER_18));
    out.add(wait.gt(PathwayGroups.FIFTY_TWO_WEEKS_DAYS).cast(DataTypes.IntegerType).as(OVER_52));
    for (Breakdown b : Breakdown.oneWay()) {
      out.add(groupOf(b).as(groupColumn(b)));
    }
    return joined.select(out.toArray(Column[]::new));
  }

  /** The lookup as a small table keyed by every code an extract may use. */
  private Dataset<Row> lookupFrame(NeighbourhoodLookup lookup) {
    List<Row> rows = new ArrayList<>();
    for (NeighbourhoodLookup.Neighbourhood n : lookup.neighbourhoods()) {
      rows.add(lookupRow(n.lsoa21(), n));
    }
    Map<String, NeighbourhoodLookup.Neighbourhood> byCode = new HashMap<>();
    lookup.neighbourhoods().forEach(n -> byCode.put(n.lsoa21(), n));
    lookup
        .lsoa11To21()
        .forEach((lsoa11, lsoa21) -> rows.add(lookupRow(lsoa11, byCode.get(lsoa21))));
    StructType schema =
        new StructType()
            .add("lsoa_code", DataTypes.StringType, false)
            .add(ExtractChecks.LOOKUP_MATCH, DataTypes.StringType, false)
            .add("imd_decile", DataTypes.StringType, false)
            .add("imd_quintile", DataTypes.StringType, false)
            .add("ics_fifth", DataTypes.StringType, false)
            .add("sub_icb_code", DataTypes.StringType, false)
            .add("lad_code", DataTypes.StringType, false);
    return spark.createDataFrame(rows, schema);
  }

  private static Row lookupRow(String code, NeighbourhoodLookup.Neighbourhood n) {
    return RowFactory.create(
        code,
        n.lsoa21(),
        Integer.toString(n.imdDecile()),
        Integer.toString(n.imdQuintile()),
        Integer.toString(n.icsFifth()),
        n.subIcbCode(),
        n.ladCode());
  }

  /** The column holding a one-way breakdown's group label. */
  static String groupColumn(Breakdown breakdown) {
    return "g_" + breakdown.slug().replace('-', '_');
  }

  /**
   * The group label of a one-way breakdown, as {@link PathwayGroups} defines it: the label of each
   * accepted code is asked of {@link PathwayGroups} here, so the two cannot drift apart.
   */
  private static Column groupOf(Breakdown breakdown) {
    return switch (breakdown) {
      case IMD_QUINTILE -> col("imd_quintile");
      case IMD_DECILE -> col("imd_decile");
      case ICS_FIFTH -> col("ics_fifth");
      case SUB_ICB -> col("sub_icb_code");
      case DISTRICT -> col("lad_code");
      case ETHNICITY ->
          labels(
              ExtractChecks.code(ExtractColumn.ETHNICITY),
              ethnicCodes(),
              PathwayGroups::ethnicGroup);
      case LANGUAGE -> flag(ExtractColumn.FIRST_LANGUAGE_ENGLISH);
      case LEARNING_DISABILITY -> flag(ExtractColumn.LEARNING_DISABILITY);
      case MENTAL_HEALTH -> flag(ExtractColumn.MENTAL_HEALTH);
      case SEX ->
          labels(
              ExtractChecks.code(ExtractColumn.SEX),
              List.of("1", "M", "2", "F", "9", "0", "X", ""),
              PathwayGroups::sex);
      case AGE_BAND ->
          when(
                  col(ExtractChecks.trimmedName(ExtractColumn.AGE)).equalTo(""),
                  lit(PathwayGroups.ageBand("")))
              .otherwise(
                  labels(
                      ExtractChecks.age(),
                      IntStream.rangeClosed(0, 120).boxed().toList(),
                      age -> PathwayGroups.ageBand(Integer.toString(age))));
      case TREATMENT_FUNCTION -> ExtractChecks.code(ExtractColumn.TREATMENT_FUNCTION);
      case ETHNICITY_BY_ICS_FIFTH, LEARNING_DISABILITY_BY_AGE_BAND ->
          throw new IllegalArgumentException("a two-way table has no one group: " + breakdown);
    };
  }

  private static Column flag(ExtractColumn column) {
    return labels(ExtractChecks.code(column), List.of("Y", "N", ""), PathwayGroups::flag);
  }

  private static List<String> ethnicCodes() {
    List<String> codes = new ArrayList<>();
    for (char c : "ABCDEFGHJKLMNPRSZ".toCharArray()) {
      codes.add(String.valueOf(c));
    }
    codes.add("99");
    codes.add("");
    return codes;
  }

  /** {@code CASE WHEN value IN (codes of label 1) THEN label 1 …}, labels as {@code label} says. */
  private static <T> Column labels(Column value, Collection<T> codes, Function<T, String> label) {
    Map<String, List<T>> byLabel =
        codes.stream()
            .collect(Collectors.groupingBy(label, LinkedHashMap::new, Collectors.toList()));
    Column chosen = null;
    for (Map.Entry<String, List<T>> e : byLabel.entrySet()) {
      Column in = value.isin(e.getValue().toArray());
      chosen = chosen == null ? when(in, e.getKey()) : chosen.when(in, e.getKey());
    }
    return chosen;
  }

  /**
   * Counts the problems; when there are any, refuses the extract with the first {@link
   * ExtractRefused#MAX_PROBLEMS} of them, sorted by line and column.
   */
  private void refuseIfBroken(
      ExtractReader.Extract extract, Dataset<Row> checked, LocalDate censusDate)
      throws ExtractRefused {
    // One pass: rows, problems in cells, and repeats of each usable pathway id.
    String pathway = ExtractChecks.trimmedName(ExtractColumn.PATHWAY_ID);
    Column usableId = col(ExtractChecks.ruleName(ExtractColumn.PATHWAY_ID)).isNull();
    Row totals =
        checked
            .groupBy(col(pathway), usableId.as("usable"))
            .agg(count(lit(1)).as("n"), sum(col(PROBLEMS)).as("cells"))
            .agg(
                sum(col("n")),
                sum(col("cells")),
                sum(when(col("usable").and(col("n").gt(1)), col("n").minus(1)).otherwise(0)))
            .first();
    if (totals.isNullAt(0) || totals.getLong(0) == 0) {
      throw new ExtractRefused(List.of(ExtractRule.NO_PATHWAYS.problem(0, "", "", censusDate)), 1);
    }
    long cellProblems = totals.getLong(1);
    long duplicateProblems = totals.getLong(2);
    if (cellProblems == 0 && duplicateProblems == 0) {
      return;
    }
    Dataset<Row> repeated =
        checked
            .filter(usableId)
            .groupBy(pathway)
            .agg(count(lit(1)).as("n"), min(ExtractReader.ROW_ID).as("first_row"))
            .filter(col("n").gt(1));
    int keep = ExtractRefused.MAX_PROBLEMS;
    // row id → column → rule
    TreeMap<Long, Map<ExtractColumn, ExtractRule>> found = new TreeMap<>();
    if (cellProblems > 0) {
      List<Column> selected = new ArrayList<>();
      selected.add(col(ExtractReader.ROW_ID));
      for (ExtractColumn c : ExtractColumn.values()) {
        selected.add(col(ExtractChecks.ruleName(c)));
      }
      for (Row r :
          checked
              .filter(col(PROBLEMS).gt(0))
              .select(selected.toArray(Column[]::new))
              .orderBy(ExtractReader.ROW_ID)
              .limit(keep)
              .collectAsList()) {
        Map<ExtractColumn, ExtractRule> rules = new TreeMap<>();
        for (ExtractColumn c : ExtractColumn.values()) {
          String rule = r.getString(c.ordinal() + 1);
          if (rule != null) {
            rules.put(c, ExtractRule.valueOf(rule));
          }
        }
        found.put(r.getLong(0), rules);
      }
    }
    if (duplicateProblems > 0) {
      Dataset<Row> repeats =
          checked
              .select(col(ExtractReader.ROW_ID), col(pathway))
              .join(repeated, pathway)
              .filter(col(ExtractReader.ROW_ID).notEqual(col("first_row")))
              .select(ExtractReader.ROW_ID)
              .orderBy(ExtractReader.ROW_ID)
              .limit(keep);
      for (Row r : repeats.collectAsList()) {
        found
            .computeIfAbsent(r.getLong(0), id -> new TreeMap<>())
            .put(ExtractColumn.PATHWAY_ID, ExtractRule.DUPLICATE_PATHWAY);
      }
    }
    // The first problems in file order: problem rows hold one or more each.
    List<Long> rowIds = new ArrayList<>();
    int problems = 0;
    for (Map.Entry<Long, Map<ExtractColumn, ExtractRule>> e : found.entrySet()) {
      if (problems >= keep) {
        break;
      }
      rowIds.add(e.getKey());
      problems += e.getValue().size();
    }
    Map<Long, Row> values = rawValues(extract.rows(), rowIds);
    LineNumbers lines = LineNumbers.count(extract.rows());
    List<ExtractProblem> list = new ArrayList<>();
    for (Long rowId : rowIds) {
      Row raw = values.get(rowId);
      long line = lines.line(rowId);
      for (Map.Entry<ExtractColumn, ExtractRule> e : found.get(rowId).entrySet()) {
        ExtractColumn c = e.getKey();
        String value = raw.getString(raw.fieldIndex(c.columnName()));
        list.add(e.getValue().problem(line, extract.headers().get(c), value, censusDate));
      }
    }
    list.sort(Comparator.comparingLong(ExtractProblem::line));
    throw new ExtractRefused(list, cellProblems + duplicateProblems);
  }

  private static Map<Long, Row> rawValues(Dataset<Row> rows, List<Long> rowIds) {
    Map<Long, Row> byId = new HashMap<>();
    for (Row r : rows.filter(col(ExtractReader.ROW_ID).isin(rowIds.toArray())).collectAsList()) {
      byId.put(r.getLong(r.fieldIndex(ExtractReader.ROW_ID)), r);
    }
    return byId;
  }

  // ---------------------------------------------------------------- aggregating

  /**
   * One {@code GROUPING SETS} query over the checked rows: per group (or two-way cell, or the whole
   * list) × wait in days, how many pathways; and per group × treatment function × over 18 weeks or
   * not, how many. Only plain counts are aggregated (a hash aggregate, no per-group value lists),
   * and the waits of each group are finished by {@link WaitHistogram} on the driver: exact
   * continuous quantiles, the same arithmetic as every engine's.
   */
  private EngineAggregates aggregates(Dataset<Row> checked, LocalDate censusDate) {
    String view = "fp_pathways_" + UUID.randomUUID().toString().replace("-", "");
    checked.createOrReplaceTempView(view);
    try {
      List<String> columns =
          Breakdown.oneWay().stream().map(SparkRecordLevelAnalytics::groupColumn).toList();
      String tf = groupColumn(Breakdown.TREATMENT_FUNCTION);
      List<String> sets = new ArrayList<>();
      for (Breakdown b : Breakdown.values()) {
        sets.add("(" + String.join(", ", cellColumns(b)) + ", " + WAIT + ")");
      }
      sets.add("(" + WAIT + ")");
      for (Breakdown b : Breakdown.oneWay()) {
        if (b != Breakdown.TREATMENT_FUNCTION) {
          sets.add("(" + groupColumn(b) + ", " + tf + ", " + OVER_18 + ")");
        }
      }
      List<String> flagged = new ArrayList<>(columns);
      flagged.add(WAIT);
      flagged.add(OVER_18);
      String query =
          "SELECT "
              + String.join(", ", flagged)
              + ", "
              + flagged.stream()
                  .map(c -> "grouping(" + c + ") AS k_" + c)
                  .collect(Collectors.joining(", "))
              + ", count(*) AS n FROM "
              + view
              + " GROUP BY GROUPING SETS ("
              + String.join(", ", sets)
              + ")";

      WaitHistogram total = new WaitHistogram();
      Map<List<Object>, WaitHistogram> histograms = new HashMap<>();
      Map<List<Object>, long[]> functionCounts = new HashMap<>();
      for (Row r : spark.sql(query).collectAsList()) {
        List<String> grouped = groupedColumns(r, flagged);
        long n = r.getLong(r.fieldIndex("n"));
        if (grouped.remove(WAIT)) {
          int wait = r.getInt(r.fieldIndex(WAIT));
          if (grouped.isEmpty()) {
            total.add(wait, n);
            continue;
          }
          Breakdown b = breakdownOf(grouped);
          List<String> cells = cellColumns(b);
          List<Object> key =
              List.of(
                  b,
                  r.getString(r.fieldIndex(cells.get(0))),
                  b.isTwoWay() ? r.getString(r.fieldIndex(cells.get(1))) : "");
          histograms.computeIfAbsent(key, k -> new WaitHistogram()).add(wait, n);
        } else {
          grouped.remove(OVER_18);
          grouped.remove(tf);
          Breakdown b = breakdownOf(grouped);
          List<Object> key =
              List.of(b, r.getString(r.fieldIndex(groupColumn(b))), r.getString(r.fieldIndex(tf)));
          long[] counts = functionCounts.computeIfAbsent(key, k -> new long[2]);
          counts[0] += n;
          if (r.getInt(r.fieldIndex(OVER_18)) == 1) {
            counts[1] += n;
          }
        }
      }
      List<GroupAggregate> groups = new ArrayList<>();
      histograms.forEach(
          (key, histogram) ->
              groups.add(
                  new GroupAggregate(
                      (Breakdown) key.get(0),
                      (String) key.get(1),
                      (String) key.get(2),
                      histogram.statistics())));
      List<FunctionAggregate> functions = new ArrayList<>();
      functionCounts.forEach(
          (key, counts) ->
              functions.add(
                  new FunctionAggregate(
                      (Breakdown) key.get(0),
                      (String) key.get(1),
                      (String) key.get(2),
                      counts[0],
                      counts[1])));
      return new EngineAggregates(censusDate, total.statistics(), groups, functions);
    } finally {
      spark.catalog().dropTempView(view);
    }
  }

  /** The group columns of a breakdown's cells: its own, or a two-way table's rows and columns. */
  private static List<String> cellColumns(Breakdown b) {
    return cells(b).stream().map(SparkRecordLevelAnalytics::groupColumn).toList();
  }

  /**
   * The one-way breakdowns whose groups make a cell: itself, or a two-way table's rows and columns.
   */
  private static List<Breakdown> cells(Breakdown b) {
    return b.isTwoWay() ? List.of(b.rows(), b.columns().orElseThrow()) : List.of(b);
  }

  /** The columns a result row of a GROUPING SETS query is grouped by, in the order given. */
  private static List<String> groupedColumns(Row r, List<String> columns) {
    List<String> grouped = new ArrayList<>();
    for (String c : columns) {
      Object flag = r.get(r.fieldIndex("k_" + c));
      if (((Number) flag).intValue() == 0) {
        grouped.add(c);
      }
    }
    return grouped;
  }

  private static Breakdown breakdownOf(List<String> grouped) {
    for (Breakdown b : Breakdown.values()) {
      List<String> names =
          cells(b).stream().map(SparkRecordLevelAnalytics::groupColumn).sorted().toList();
      if (names.equals(grouped.stream().sorted().toList())) {
        return b;
      }
    }
    throw new IllegalStateException("no breakdown groups by " + grouped);
  }
}
