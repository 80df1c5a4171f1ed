package org.fourthpurpose.indicator.shipped;

import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.fourthpurpose.indicator.AreaValue;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Collects the values and load notes of one shipped indicator and writes them in batches. */
class ValueSink {

  private static final int BATCH = 2_000;
  private static final String INSERT =
      "insert into indicator_value (indicator_id, area_type, area_code, period, period_start,"
          + " observation, lower_ci, upper_ci, numerator, denominator, coverage, note)"
          + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private final JdbcClient jdbc;
  private final JdbcOperations bulk;
  private final String indicatorId;
  private final List<Object[]> pending = new ArrayList<>();
  private final TreeSet<String> notes = new TreeSet<>();
  private final java.util.Set<String> keys = new java.util.HashSet<>();
  private long written;

  /** A sink whose values go to {@code bulk} as JDBC batches, the rest through {@code jdbc}. */
  ValueSink(JdbcClient jdbc, JdbcOperations bulk, String indicatorId) {
    this.jdbc = jdbc;
    this.bulk = bulk;
    this.indicatorId = indicatorId;
  }

  /** A sink that keeps nothing: for series read only to weight another. */
  static ValueSink discarding() {
    return new ValueSink(null, null, null) {
      @Override
      void add(AreaValue v) {}

      @Override
      void note(String note) {}

      @Override
      long finish() {
        return 0;
      }
    };
  }

  void add(AreaValue v) {
    if (v.value() == null || !Double.isFinite(v.value())) {
      return;
    }
    String key = v.level() + "|" + v.areaCode() + "|" + v.period().label();
    if (!keys.add(key)) {
      throw new IllegalStateException(
          indicatorId + " has two values for " + key + "; the loader must give one");
    }
    pending.add(
        new Object[] {
          indicatorId,
          v.level().name(),
          v.areaCode(),
          v.period().label(),
          Date.valueOf(v.period().start()),
          v.value(),
          v.lowerCi(),
          v.upperCi(),
          v.numerator(),
          v.denominator(),
          v.coverage(),
          v.note()
        });
    if (pending.size() >= BATCH) {
      flush();
    }
  }

  void addAll(Iterable<AreaValue> values) {
    values.forEach(this::add);
  }

  void note(String note) {
    notes.add(note);
  }

  long finish() {
    flush();
    for (String note : notes) {
      jdbc.sql("insert into indicator_load_note (indicator_id, note) values (?, ?)")
          .params(indicatorId, note)
          .update();
    }
    return written;
  }

  private void flush() {
    if (!pending.isEmpty()) {
      bulk.batchUpdate(INSERT, pending);
      written += pending.size();
      pending.clear();
    }
  }
}
