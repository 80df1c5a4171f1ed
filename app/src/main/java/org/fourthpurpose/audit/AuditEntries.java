package org.fourthpurpose.audit;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads the audit log, newest first, through a filter. */
@Component
class AuditEntries {

  static final int EXPORT_PAGE = 1_000;

  private final JdbcClient jdbc;

  AuditEntries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Up to {@code limit} entries after skipping {@code offset}, newest first. */
  List<AuditEntry> page(AuditFilter filter, long offset, int limit) {
    Where where = where(filter, null);
    return jdbc.sql(
            "select * from audit_entry"
                + where.sql()
                + " order by sequence_number desc offset "
                + Math.max(0, offset)
                + " rows fetch next "
                + Math.max(1, limit)
                + " rows only")
        .params(where.params())
        .query(AuditChain::entry)
        .list();
  }

  /** Every entry the filter selects, newest first, read a page at a time. */
  void each(AuditFilter filter, Consumer<AuditEntry> consumer) {
    Long before = null;
    while (true) {
      Where where = where(filter, before);
      List<AuditEntry> page =
          jdbc.sql(
                  "select * from audit_entry"
                      + where.sql()
                      + " order by sequence_number desc fetch first "
                      + EXPORT_PAGE
                      + " rows only")
              .params(where.params())
              .query(AuditChain::entry)
              .list();
      page.forEach(consumer);
      if (page.size() < EXPORT_PAGE) {
        return;
      }
      before = page.get(page.size() - 1).sequence();
    }
  }

  private record Where(String sql, List<Object> params) {}

  private static Where where(AuditFilter filter, Long beforeSequence) {
    List<String> conditions = new ArrayList<>();
    List<Object> params = new ArrayList<>();
    if (AuditFilter.PLATFORM.equals(filter.workspace())) {
      conditions.add("icb_code is null");
    } else if (filter.workspace() != null) {
      conditions.add("icb_code = ?");
      params.add(filter.workspace());
    }
    if (filter.action() != null) {
      // The action itself, or those it is the start of ("role" finds role.granted).
      conditions.add("(action = ? or action like ?)");
      params.add(filter.action());
      params.add(filter.action() + (filter.action().endsWith(".") ? "%" : ".%"));
    }
    if (filter.from() != null) {
      conditions.add("occurred_at >= ?");
      params.add(OffsetDateTime.of(filter.from().atStartOfDay(), ZoneOffset.UTC));
    }
    if (filter.to() != null) {
      conditions.add("occurred_at < ?");
      params.add(OffsetDateTime.of(filter.to().plusDays(1).atStartOfDay(), ZoneOffset.UTC));
    }
    if (beforeSequence != null) {
      conditions.add("sequence_number < ?");
      params.add(beforeSequence);
    }
    return new Where(
        conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions), params);
  }
}
