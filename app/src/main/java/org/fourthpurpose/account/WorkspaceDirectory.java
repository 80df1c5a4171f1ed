package org.fourthpurpose.account;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import org.fourthpurpose.audit.AuditLog;
import org.fourthpurpose.geography.Geography;
import org.fourthpurpose.geography.IntegratedCareBoard;
import org.fourthpurpose.reference.ReferenceDataLoaded;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Keeps one workspace for each of the 42 integrated care systems. */
@Component
class WorkspaceDirectory {

  private final JdbcClient jdbc;
  private final Geography geography;
  private final Clock clock;
  private final AuditLog audit;

  WorkspaceDirectory(JdbcClient jdbc, Geography geography, Clock clock, AuditLog audit) {
    this.jdbc = jdbc;
    this.geography = geography;
    this.clock = clock;
    this.audit = audit;
  }

  @EventListener
  @Order(10)
  void onReferenceDataLoaded(ReferenceDataLoaded event) {
    for (IntegratedCareBoard icb : geography.icbs()) {
      Integer existing =
          jdbc.sql("select count(*) from workspace where icb_code = ?")
              .params(icb.code())
              .query(Integer.class)
              .single();
      if (existing == null || existing == 0) {
        jdbc.sql("insert into workspace (icb_code, name, created_at) values (?, ?, ?)")
            .params(icb.code(), icb.shortName(), Timestamp.from(Instant.now(clock)))
            .update();
        audit.record(
            icb.code(), "workspace.created", "workspace " + icb.code(), null, icb.shortName());
      }
    }
  }
}
