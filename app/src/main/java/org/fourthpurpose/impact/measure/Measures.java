package org.fourthpurpose.impact.measure;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.fourthpurpose.audit.AuditLog;
import org.fourthpurpose.impact.ImpactMeasures;
import org.fourthpurpose.impact.LinkTarget;
import org.fourthpurpose.impact.MeasureSummary;
import org.fourthpurpose.impact.NewMeasure;
import org.fourthpurpose.web.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A workspace's measures: adds, changes and removes them, their values (entered one by one or
 * imported whole) and their rebases; reads each with its Making Data Count analysis. Every change
 * is audited in its transaction. The caller checks the person's role; a measure of another
 * workspace is never found.
 */
@Service
public class Measures implements ImpactMeasures {

  static final int NAME_LIMIT = 200;
  static final int DEFINITION_LIMIT = 4000;
  static final int UNIT_LIMIT = 60;
  static final int REASON_LIMIT = 1000;

  /** Measures a workspace may keep: far more than a board reads. */
  static final int MEASURE_LIMIT = 500;

  /** Values one measure may hold. */
  static final int VALUE_LIMIT = ValuesFile.MAXIMUM_ROWS;

  static final List<String> IMPROVEMENTS = List.of("increase", "decrease", "neutral");

  private final MeasureStore store;
  private final LinkTargetRegistry links;
  private final IndicatorValuesSource indicators;
  private final AuditLog audit;
  private final TransactionTemplate transaction;
  private final Clock clock;

  Measures(
      MeasureStore store,
      LinkTargetRegistry links,
      IndicatorValuesSource indicators,
      AuditLog audit,
      TransactionTemplate transaction,
      Clock clock) {
    this.store = store;
    this.links = links;
    this.indicators = indicators;
    this.audit = audit;
    this.transaction = transaction;
    this.clock = clock;
  }

  /** A measure with everything its pages, API and reports show. */
  public record Analysed(
      Measure measure,
      List<MeasureValue> values,
      List<Rebase> rebases,
      MeasureAnalysis.Result analysis,
      LinkTarget link) {}

  // Reading

  public List<Measure> measures(String icbCode) {
    return store.measures(icbCode);
  }

  public Optional<Measure> measure(String icbCode, long id) {
    return store.measure(icbCode, id);
  }

  public Measure require(String icbCode, long id) {
    return store
        .measure(icbCode, id)
        .orElseThrow(() -> new NotFoundException("No measure " + id + " in this workspace"));
  }

  /** Every measure of the workspace with its values, rebases, analysis and link, by name. */
  public List<Analysed> analysed(String icbCode) {
    return analyse(icbCode, store.measures(icbCode));
  }

  public Analysed analysed(String icbCode, long id) {
    return analyse(icbCode, List.of(require(icbCode, id))).get(0);
  }

  private List<Analysed> analyse(String icbCode, List<Measure> measures) {
    List<Long> ids = measures.stream().map(Measure::id).toList();
    Map<Long, List<MeasureValue>> values = store.valuesOf(ids);
    Map<Long, List<Rebase>> rebases = store.rebasesOf(ids);
    BiFunction<String, String, Optional<LinkTarget>> lookup = links.lookup(icbCode);
    List<Analysed> all = new ArrayList<>();
    for (Measure m : measures) {
      List<MeasureValue> v =
          m.drawsFromIndicator()
              ? indicators.values(icbCode, m.valuesFrom())
              : values.getOrDefault(m.id(), List.of());
      List<Rebase> r = rebases.getOrDefault(m.id(), List.of());
      LinkTarget link =
          m.linkKind() == null ? null : lookup.apply(m.linkKind(), m.linkKey()).orElse(null);
      all.add(new Analysed(m, v, r, MeasureAnalysis.of(m, v, r), link));
    }
    return all;
  }

  public static MeasureSummary summary(Analysed a) {
    Measure m = a.measure();
    MeasureAnalysis.Result r = a.analysis();
    MeasureAnalysis.Point latest = r.latest();
    Long linkId = null;
    String linkCode = null;
    if (m.linkKey() != null) {
      if (m.linkKey().matches("[0-9]{1,18}") && !"indicator".equals(m.linkKind())) {
        linkId = Long.parseLong(m.linkKey());
      } else {
        linkCode = m.linkKey();
      }
    }
    return new MeasureSummary(
        m.id(),
        m.name(),
        m.unit(),
        m.improvement(),
        m.target(),
        m.targetDate(),
        m.linkKind(),
        linkId,
        r.variation(),
        r.assurance(),
        r.sentence(),
        linkCode,
        latest == null ? null : latest.value(),
        latest == null ? null : latest.date(),
        a.values().size());
  }

  @Override
  public List<MeasureSummary> forWorkspace(String icbCode) {
    return analysed(icbCode).stream().map(Measures::summary).toList();
  }

  @Override
  public List<MeasureSummary> linkedTo(String icbCode, String kind, long targetId) {
    return linkedTo(icbCode, kind, Long.toString(targetId));
  }

  @Override
  public List<MeasureSummary> linkedTo(String icbCode, String kind, String targetKey) {
    return analyse(icbCode, store.linkedTo(icbCode, kind, targetKey)).stream()
        .map(Measures::summary)
        .toList();
  }

  // Changing measures

  @Override
  public MeasureSummary create(String icbCode, NewMeasure d, String actorEmail) {
    String link = "";
    if (d.linkKind() != null && !d.linkKind().isBlank()) {
      String key =
          d.linkCode() != null ? d.linkCode() : d.linkId() == null ? "" : d.linkId().toString();
      link = d.linkKind().strip() + ":" + key;
    }
    MeasureDraft draft =
        new MeasureDraft(
            d.name(),
            d.definition(),
            d.unit(),
            d.improvement(),
            d.target() == null ? "" : Double.toString(d.target()),
            d.targetDate() == null ? "" : d.targetDate().toString(),
            "",
            "",
            link,
            "");
    try {
      Measure m = add(icbCode, draft, actorEmail);
      return summary(analysed(icbCode, m.id()));
    } catch (MeasureRefused e) {
      throw e.asInvalidInput();
    }
  }

  /**
   * Adds a measure.
   *
   * @throws MeasureRefused naming every field at fault
   */
  public Measure add(String icbCode, MeasureDraft draft, String actor) {
    CheckedMeasure c = check(icbCode, draft, 0);
    if (store.measures(icbCode).size() >= MEASURE_LIMIT) {
      throw MeasureRefused.of(
          "name", "this workspace already has " + MEASURE_LIMIT + " measures: remove some first");
    }
    long id =
        transaction.execute(
            s -> {
              long added = store.insert(icbCode, c, now());
              audit.recordAs(
                  actor,
                  icbCode,
                  "impact-measure.added",
                  subject(c.name(), added),
                  null,
                  c.summary());
              return added;
            });
    return require(icbCode, id);
  }

  public Measure change(String icbCode, long id, MeasureDraft draft, String actor) {
    Measure before = require(icbCode, id);
    CheckedMeasure c = check(icbCode, draft, id);
    transaction.executeWithoutResult(
        s -> {
          store.update(icbCode, id, c, now());
          audit.recordAs(
              actor,
              icbCode,
              "impact-measure.changed",
              subject(c.name(), id),
              checked(before).summary(),
              c.summary());
        });
    return require(icbCode, id);
  }

  public void remove(String icbCode, long id, String actor) {
    Measure before = require(icbCode, id);
    transaction.executeWithoutResult(
        s -> {
          store.delete(icbCode, id);
          audit.recordAs(
              actor,
              icbCode,
              "impact-measure.removed",
              subject(before.name(), id),
              checked(before).summary(),
              null);
        });
  }

  // Values

  /** Sets one value (replacing the period's value if it has one). */
  public void putValue(String icbCode, long id, String period, String value, String actor) {
    Measure m = require(icbCode, id);
    refuseDrawn(m);
    List<FieldProblem> problems = new ArrayList<>();
    Double number = null;
    String v = value == null ? "" : value.strip();
    if (v.isEmpty()) {
      problems.add(new FieldProblem("value", "Enter the value"));
    } else if (!v.matches("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d{1,3})?")
        || !Double.isFinite(Double.parseDouble(v))
        || Math.abs(Double.parseDouble(v)) >= 1e15) {
      problems.add(
          new FieldProblem("value", "Enter the value as a number, like 54.2, without units"));
    } else {
      number = Double.parseDouble(v);
    }
    Optional<MeasureValue> parsed = Optional.empty();
    if (period == null || period.isBlank()) {
      problems.add(new FieldProblem("period", "Enter the period, e.g. " + Periods.FORMS));
    } else {
      parsed = Periods.period(period, number == null ? 0 : number);
      if (parsed.isEmpty()) {
        problems.add(new FieldProblem("period", "Enter the period as " + Periods.FORMS));
      }
    }
    if (!problems.isEmpty()) {
      throw new MeasureRefused(problems);
    }
    MeasureValue stored = parsed.get();
    List<MeasureValue> existing = store.values(id);
    boolean replacing = existing.stream().anyMatch(e -> e.period().equals(stored.period()));
    if (!replacing && existing.size() >= VALUE_LIMIT) {
      throw MeasureRefused.of("period", "this measure already has " + VALUE_LIMIT + " values");
    }
    String before =
        existing.stream()
            .filter(e -> e.period().equals(stored.period()))
            .map(e -> Numbers.exact(e.value()))
            .findFirst()
            .orElse(null);
    transaction.executeWithoutResult(
        s -> {
          store.putValues(id, List.of(stored));
          store.touch(id, now());
          audit.recordAs(
              actor,
              icbCode,
              "impact-value.set",
              subject(m.name(), id) + " at " + stored.period(),
              before,
              Numbers.exact(stored.value()));
        });
  }

  public void removeValue(String icbCode, long id, LocalDate period, String actor) {
    Measure m = require(icbCode, id);
    refuseDrawn(m);
    transaction.executeWithoutResult(
        s -> {
          if (!store.deleteValue(id, period)) {
            throw new NotFoundException("No value for " + period + " in this measure");
          }
          store.touch(id, now());
          audit.recordAs(
              actor,
              icbCode,
              "impact-value.removed",
              subject(m.name(), id) + " at " + period,
              null,
              null);
        });
  }

  /**
   * Imports a file of values, all or nothing: each period in the file sets the measure's value for
   * that period; with {@code replace}, every value not in the file is removed first.
   *
   * @return how many values the file held
   * @throws ValuesRefused naming the line and column of every problem
   */
  public int importValues(
      String icbCode, long id, String fileName, byte[] bytes, boolean replace, String actor) {
    Measure m = require(icbCode, id);
    refuseDrawn(m);
    List<MeasureValue> values = ValuesFile.read(fileName, bytes);
    List<MeasureValue> existing = replace ? List.of() : store.values(id);
    long kept =
        existing.stream()
            .filter(e -> values.stream().noneMatch(v -> v.period().equals(e.period())))
            .count();
    if (kept + values.size() > VALUE_LIMIT) {
      throw ValuesRefused.of(
          fileName == null ? "the file" : fileName,
          0,
          null,
          "would give the measure more than " + VALUE_LIMIT + " values");
    }
    transaction.executeWithoutResult(
        s -> {
          if (replace) {
            store.deleteValues(id);
          }
          store.putValues(id, values);
          store.touch(id, now());
          audit.recordAs(
              actor,
              icbCode,
              "impact-values.imported",
              subject(m.name(), id),
              null,
              values.size()
                  + " values from "
                  + (fileName == null ? "a file" : fileName)
                  + (replace ? ", replacing all" : ""));
        });
    return values.size();
  }

  private static void refuseDrawn(Measure m) {
    if (m.drawsFromIndicator()) {
      throw MeasureRefused.of(
          "values",
          "this measure's values come from the catalogue indicator "
              + m.valuesFrom()
              + ": change the measure to enter or import its own");
    }
  }

  // Rebases

  public Rebase addRebase(String icbCode, long id, String date, String reason, String actor) {
    Measure m = require(icbCode, id);
    List<FieldProblem> problems = new ArrayList<>();
    Optional<LocalDate> on = Periods.day(date == null ? "" : date);
    if (date == null || date.isBlank()) {
      problems.add(new FieldProblem("date", "Enter the date the process changed"));
    } else if (on.isEmpty()) {
      problems.add(new FieldProblem("date", "Enter the date as 2025-03-01 or 01/03/2025"));
    }
    String why = reason == null ? "" : reason.strip();
    if (why.isEmpty()) {
      problems.add(
          new FieldProblem(
              "reason", "Say why the limits are recalculated from this date (what changed)"));
    } else if (why.length() > REASON_LIMIT) {
      problems.add(
          new FieldProblem("reason", "Keep the reason to " + REASON_LIMIT + " characters"));
    }
    if (on.isPresent() && store.rebases(id).stream().anyMatch(r -> r.date().equals(on.get()))) {
      problems.add(new FieldProblem("date", "This measure is already rebased on " + on.get()));
    }
    if (!problems.isEmpty()) {
      throw new MeasureRefused(problems);
    }
    long rebaseId =
        transaction.execute(
            s -> {
              long added = store.addRebase(id, on.get(), why, actor, now());
              store.touch(id, now());
              audit.recordAs(
                  actor,
                  icbCode,
                  "impact-rebase.added",
                  subject(m.name(), id) + " from " + on.get(),
                  null,
                  why);
              return added;
            });
    return store.rebases(id).stream().filter(r -> r.id() == rebaseId).findFirst().orElseThrow();
  }

  public void removeRebase(String icbCode, long id, long rebaseId, String actor) {
    Measure m = require(icbCode, id);
    Rebase r =
        store.rebases(id).stream()
            .filter(x -> x.id() == rebaseId)
            .findFirst()
            .orElseThrow(() -> new NotFoundException("No rebase " + rebaseId + " of this measure"));
    transaction.executeWithoutResult(
        s -> {
          store.deleteRebase(id, rebaseId);
          store.touch(id, now());
          audit.recordAs(
              actor,
              icbCode,
              "impact-rebase.removed",
              subject(m.name(), id) + " from " + r.date(),
              r.reason(),
              null);
        });
  }

  // Checks

  /** A stored measure as a draft, for its form. */
  static MeasureDraft draftOf(Measure m) {
    return new MeasureDraft(
        m.name(),
        m.definition() == null ? "" : m.definition(),
        m.unit(),
        m.improvement(),
        m.target() == null ? "" : Numbers.exact(m.target()),
        m.targetDate() == null ? "" : m.targetDate().toString(),
        m.baselineStart() == null ? "" : m.baselineStart().toString(),
        m.baselineEnd() == null ? "" : m.baselineEnd().toString(),
        m.linkKind() == null ? "" : m.linkKind() + ":" + m.linkKey(),
        m.valuesFrom() == null ? "" : m.valuesFrom());
  }

  private static CheckedMeasure checked(Measure m) {
    return new CheckedMeasure(
        m.name(),
        m.definition(),
        m.unit(),
        m.improvement(),
        m.target(),
        m.targetDate(),
        m.baselineStart(),
        m.baselineEnd(),
        m.linkKind(),
        m.linkKey(),
        m.valuesFrom());
  }

  CheckedMeasure check(String icbCode, MeasureDraft d, long exceptId) {
    List<FieldProblem> problems = new ArrayList<>();
    String name = text(d.name());
    if (name.isEmpty()) {
      problems.add(new FieldProblem("name", "Enter the measure's name"));
    } else if (name.length() > NAME_LIMIT) {
      problems.add(new FieldProblem("name", "Keep the name to " + NAME_LIMIT + " characters"));
    } else if (store.nameTaken(icbCode, name, exceptId)) {
      problems.add(new FieldProblem("name", "This workspace already has a measure with this name"));
    }
    String definition = text(d.definition());
    if (definition.length() > DEFINITION_LIMIT) {
      problems.add(
          new FieldProblem(
              "definition", "Keep the definition to " + DEFINITION_LIMIT + " characters"));
    }
    String unit = text(d.unit());
    if (unit.isEmpty()) {
      problems.add(new FieldProblem("unit", "Enter the unit, such as %, people or per 1,000"));
    } else if (unit.length() > UNIT_LIMIT) {
      problems.add(new FieldProblem("unit", "Keep the unit to " + UNIT_LIMIT + " characters"));
    }
    String improvement = text(d.improvement()).toLowerCase(Locale.ROOT);
    if (!IMPROVEMENTS.contains(improvement)) {
      problems.add(
          new FieldProblem(
              "improvement", "Choose which way is better: increase, decrease or neutral"));
    }
    Double target = null;
    String t = text(d.target());
    if (!t.isEmpty()) {
      if (!t.matches("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d{1,3})?")
          || !Double.isFinite(Double.parseDouble(t))
          || Math.abs(Double.parseDouble(t)) >= 1e15) {
        problems.add(
            new FieldProblem("target", "Enter the target as a number, like 60, without units"));
      } else {
        target = Double.parseDouble(t);
        if (improvement.equals("neutral")) {
          problems.add(
              new FieldProblem(
                  "target",
                  "A measure where neither direction is better has no target: leave it blank or"
                      + " choose increase or decrease"));
        }
      }
    }
    LocalDate targetDate = date(d.targetDate(), "targetDate", "target date", problems);
    if (targetDate != null && t.isEmpty()) {
      problems.add(new FieldProblem("targetDate", "Give the target as well as its date"));
    }
    LocalDate baselineStart = date(d.baselineStart(), "baselineStart", "baseline start", problems);
    LocalDate baselineEnd = date(d.baselineEnd(), "baselineEnd", "baseline end", problems);
    if (baselineStart != null && baselineEnd != null && baselineEnd.isBefore(baselineStart)) {
      problems.add(new FieldProblem("baselineEnd", "The baseline must end after it starts"));
    }
    String linkKind = null;
    String linkKey = null;
    String link = text(d.link());
    if (!link.isEmpty()) {
      int colon = link.indexOf(':');
      String kind = colon < 0 ? link : link.substring(0, colon);
      String key = colon < 0 ? "" : link.substring(colon + 1).strip();
      if (!links.kinds().containsKey(kind)) {
        problems.add(
            new FieldProblem(
                "link",
                "'"
                    + shorten(kind)
                    + "' is not a kind of link: use "
                    + String.join(", ", links.kinds().keySet())));
      } else if (key.isEmpty() || key.length() > 100 || links.find(icbCode, kind, key).isEmpty()) {
        problems.add(
            new FieldProblem(
                "link",
                "There is no "
                    + LinkTargetRegistry.label(kind).toLowerCase(Locale.ROOT)
                    + " '"
                    + shorten(key)
                    + "' in this workspace"));
      } else {
        linkKind = kind;
        linkKey = key;
      }
    }
    String valuesFrom = text(d.valuesFrom());
    if (!valuesFrom.isEmpty() && indicators.indicator(icbCode, valuesFrom).isEmpty()) {
      problems.add(
          new FieldProblem(
              "valuesFrom", "'" + shorten(valuesFrom) + "' is not an indicator of the catalogue"));
    }
    if (!problems.isEmpty()) {
      throw new MeasureRefused(problems);
    }
    return new CheckedMeasure(
        name,
        definition.isEmpty() ? null : definition,
        unit,
        improvement,
        target,
        targetDate,
        baselineStart,
        baselineEnd,
        linkKind,
        linkKey,
        valuesFrom.isEmpty() ? null : valuesFrom);
  }

  private static LocalDate date(
      String text, String field, String label, List<FieldProblem> problems) {
    String t = text(text);
    if (t.isEmpty()) {
      return null;
    }
    Optional<LocalDate> d = Periods.day(t);
    if (d.isEmpty()) {
      problems.add(new FieldProblem(field, "Enter the " + label + " as 2027-03-31 or 31/03/2027"));
      return null;
    }
    return d.get();
  }

  private static String text(String s) {
    return s == null ? "" : s.strip();
  }

  private static String shorten(String s) {
    return s.length() <= 40 ? s : s.substring(0, 39) + "…";
  }

  static String subject(String name, long id) {
    return "measure " + id + " (" + name + ")";
  }

  private Instant now() {
    return Instant.now(clock);
  }

  /** The measures by name, for lists. */
  static final Comparator<Measure> BY_NAME =
      Comparator.comparing((Measure m) -> m.name().toLowerCase(Locale.ROOT))
          .thenComparing(Measure::id);
}
