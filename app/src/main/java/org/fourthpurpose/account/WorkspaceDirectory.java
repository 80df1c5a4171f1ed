package org.fourthpurpose.account;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import org.fourthpurpose.geography.Geography;
import org.fourthpurpose.geography.IntegratedCareBoard;
import org.fourthpurpose.reference.ReferenceDataLoaded;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Keeps one workspace for each of the 42 integrated care systems. */
@Component
class WorkspaceDirectory {

  private final JdbcTemplate jdbc;
  private final Geography geography;
  private final Clock clock;

  WorkspaceDirectory(JdbcTemplate jdbc, Geography geography, Clock clock) {
    this.jdbc = jdbc;
    this.geography = geography;
    this.clock = clock;
  }

  @EventListener
  @Order(10)
  void onReferenceDataLoaded(ReferenceDataLoaded event) {
    for (IntegratedCareBoard icb : geography.icbs()) {
      Integer existing =
          jdbc.queryForObject(
              "select count(*) from workspace where icb_code = ?", Integer.class, icb.code());
      if (existing == null || existing == 0) {
        jdbc.update(
            "insert into workspace (icb_code, name, created_at) values (?, ?, ?)",
            icb.code(),
            icb.shortName(),
            Timestamp.from(Instant.now(clock)));
      }
    }
  }
}
