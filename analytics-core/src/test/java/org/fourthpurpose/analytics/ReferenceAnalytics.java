package org.fourthpurpose.analytics;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * A plain-Java engine for CSV extracts: slow and memory-hungry (it holds every pathway), but simple
 * enough to read line by line against the port's Javadoc. The contract suite compares real engines
 * with it.
 */
public final class ReferenceAnalytics implements RecordLevelAnalytics {

  @Override
  public String engineName() {
    return "plain Java reference";
  }

  @Override
  public EngineAggregates aggregate(
      ExtractSource source, LocalDate censusDate, NeighbourhoodLookup lookup)
      throws ExtractRefused {
    if (source.format() != ExtractFormat.CSV) {
      throw new IllegalArgumentException("the reference reads CSV only");
    }
    List<String[]> rows = new ArrayList<>();
    List<String> header;
    try (InputStream raw = Files.newInputStream(source.file());
        InputStream in = source.file().toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String first = reader.readLine();
      if (first == null) {
        throw ExtractRefused.ofFile("", "The file is empty");
      }
      if (first.startsWith("\uFEFF")) {
        first = first.substring(1);
      }
      header = NeighbourhoodLookups.fields(first).stream().map(String::trim).toList();
      String line;
      long number = 1;
      while ((line = reader.readLine()) != null) {
        if (line.isEmpty()) {
          continue; // blank lines are skipped and not counted, as DuckDB's and Spark's readers do
        }
        number++;
        List<String> fields = NeighbourhoodLookups.fields(line);
        if (fields.size() > header.size()) {
          throw ExtractRefused.ofFile(
              "", "The file could not be read as CSV: line " + number + " has too many fields");
        }
        rows.add(fields.toArray(new String[0]));
      }
    } catch (IOException e) {
      throw ExtractRefused.ofFile("", "The file could not be read: " + e.getMessage());
    }

    Map<ExtractColumn, Integer> at = new EnumMap<>(ExtractColumn.class);
    List<ExtractProblem> missing = new ArrayList<>();
    for (ExtractColumn column : ExtractColumn.values()) {
      int index = header.indexOf(source.header(column));
      if (index >= 0) {
        at.put(column, index);
      } else if (column.required()) {
        missing.add(ExtractRule.MISSING_COLUMN.problem(0, source.header(column), "", censusDate));
      }
    }
    if (!missing.isEmpty()) {
      throw new ExtractRefused(missing, missing.size());
    }

    List<ExtractProblem> problems = new ArrayList<>();
    long problemCount = 0;
    Map<String, Long> seen = new HashMap<>();
    List<Map<ExtractColumn, String>> valid = new ArrayList<>();
    for (int r = 0; r < rows.size(); r++) {
      long line = r + 2;
      Map<ExtractColumn, String> values = new EnumMap<>(ExtractColumn.class);
      boolean bad = false;
      for (ExtractColumn column : ExtractColumn.values()) {
        Integer index = at.get(column);
        String[] fields = rows.get(r);
        String value = index == null || index >= fields.length ? "" : fields[index].trim();
        values.put(column, value);
        ExtractRule rule = ExtractValidation.check(column, value, censusDate, lookup).orElse(null);
        if (rule == null && column == ExtractColumn.PATHWAY_ID) {
          if (seen.putIfAbsent(value, line) != null) {
            rule = ExtractRule.DUPLICATE_PATHWAY;
          }
        }
        if (rule != null) {
          bad = true;
          problemCount++;
          if (problems.size() < ExtractRefused.MAX_PROBLEMS) {
            problems.add(rule.problem(line, source.header(column), value, censusDate));
          }
        }
      }
      if (!bad) {
        valid.add(values);
      }
    }
    if (problemCount > 0) {
      throw new ExtractRefused(problems, problemCount);
    }

    WaitHistogram total = new WaitHistogram();
    Map<List<Object>, WaitHistogram> groups = new LinkedHashMap<>();
    Map<List<Object>, long[]> functions = new LinkedHashMap<>();
    for (Map<ExtractColumn, String> v : valid) {
      int wait =
          (int)
              ChronoUnit.DAYS.between(
                  ExtractValidation.parseDate(v.get(ExtractColumn.CLOCK_START)), censusDate);
      total.add(wait, 1);
      NeighbourhoodLookup.Neighbourhood n =
          lookup.find(v.get(ExtractColumn.LSOA_CODE)).orElseThrow();
      Map<Breakdown, String> label = new EnumMap<>(Breakdown.class);
      label.put(Breakdown.IMD_QUINTILE, Integer.toString(n.imdQuintile()));
      label.put(Breakdown.IMD_DECILE, Integer.toString(n.imdDecile()));
      label.put(Breakdown.ICS_FIFTH, Integer.toString(n.icsFifth()));
      label.put(Breakdown.ETHNICITY, PathwayGroups.ethnicGroup(v.get(ExtractColumn.ETHNICITY)));
      label.put(
          Breakdown.LANGUAGE, PathwayGroups.flag(v.get(ExtractColumn.FIRST_LANGUAGE_ENGLISH)));
      label.put(
          Breakdown.LEARNING_DISABILITY,
          PathwayGroups.flag(v.get(ExtractColumn.LEARNING_DISABILITY)));
      label.put(Breakdown.MENTAL_HEALTH, PathwayGroups.flag(v.get(ExtractColumn.MENTAL_HEALTH)));
      label.put(Breakdown.AGE_BAND, PathwayGroups.ageBand(v.get(ExtractColumn.AGE)));
      label.put(Breakdown.SEX, PathwayGroups.sex(v.get(ExtractColumn.SEX)));
      label.put(Breakdown.SUB_ICB, n.subIcbCode());
      label.put(Breakdown.DISTRICT, n.ladCode());
      String function = PathwayGroups.treatmentFunction(v.get(ExtractColumn.TREATMENT_FUNCTION));
      label.put(Breakdown.TREATMENT_FUNCTION, function);
      for (Breakdown b : Breakdown.oneWay()) {
        groups.computeIfAbsent(List.of(b, label.get(b), ""), k -> new WaitHistogram()).add(wait, 1);
        if (b != Breakdown.TREATMENT_FUNCTION) {
          long[] counts =
              functions.computeIfAbsent(List.of(b, label.get(b), function), k -> new long[2]);
          counts[0]++;
          if (wait > PathwayGroups.EIGHTEEN_WEEKS_DAYS) {
            counts[1]++;
          }
        }
      }
      for (Breakdown b : Breakdown.twoWay()) {
        groups
            .computeIfAbsent(
                List.of(b, label.get(b.rows()), label.get(b.columns().orElseThrow())),
                k -> new WaitHistogram())
            .add(wait, 1);
      }
    }
    if (total.total() == 0) {
      throw new ExtractRefused(List.of(ExtractRule.NO_PATHWAYS.problem(0, "", "", censusDate)), 1);
    }
    List<GroupAggregate> groupAggregates = new ArrayList<>();
    groups.forEach(
        (key, histogram) ->
            groupAggregates.add(
                new GroupAggregate(
                    (Breakdown) key.get(0),
                    (String) key.get(1),
                    (String) key.get(2),
                    histogram.statistics())));
    List<FunctionAggregate> functionAggregates = new ArrayList<>();
    functions.forEach(
        (key, counts) ->
            functionAggregates.add(
                new FunctionAggregate(
                    (Breakdown) key.get(0),
                    (String) key.get(1),
                    (String) key.get(2),
                    counts[0],
                    counts[1])));
    functionAggregates.sort(Comparator.comparing(FunctionAggregate::treatmentFunction));
    return new EngineAggregates(
        censusDate, total.statistics(), groupAggregates, functionAggregates);
  }
}
