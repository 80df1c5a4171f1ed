package org.fourthpurpose.maturity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.fourthpurpose.account.WorkspaceAccess;
import org.fourthpurpose.web.ConflictException;
import org.fourthpurpose.web.InvalidInputException;
import org.fourthpurpose.web.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The actions an ICS plans to reach the next level in each area. Editors may add and update them,
 * also after the round has closed, since the work continues.
 */
@Service
public class MilestoneService {

  private final JdbcClient jdbc;
  private final RoundStore store;
  private final AssessmentService rounds;
  private final WorkspaceAccess access;
  private final Clock clock;
  private final MaturityAudit audit;

  MilestoneService(
      JdbcClient jdbc,
      RoundStore store,
      AssessmentService rounds,
      WorkspaceAccess access,
      Clock clock,
      MaturityAudit audit) {
    this.jdbc = jdbc;
    this.store = store;
    this.rounds = rounds;
    this.access = access;
    this.clock = clock;
    this.audit = audit;
  }

  public LocalDate today() {
    return LocalDate.now(clock);
  }

  public List<Milestone> milestones(String icbCode, long roundId) {
    access.requireView(icbCode);
    return milestonesOf(rounds.existing(icbCode, roundId).id());
  }

  List<Milestone> milestonesOf(long roundId) {
    return jdbc.sql(
            "select m.id, m.round_id, a.code, m.target_level, m.action, m.owner, m.partners,"
                + " m.due_date, m.status, m.version from maturity_milestone m"
                + " join maturity_area a on a.id = m.area_id where m.round_id = ?"
                + " order by m.due_date, m.id")
        .param(roundId)
        .query(MilestoneService::milestone)
        .list();
  }

  private static Milestone milestone(ResultSet rs, int n) throws SQLException {
    return new Milestone(
        rs.getLong("id"),
        rs.getLong("round_id"),
        rs.getString("code"),
        MaturityLevel.fromCode(rs.getString("target_level")).orElseThrow(),
        rs.getString("action"),
        rs.getString("owner"),
        RoundStore.lines(rs.getString("partners")),
        rs.getObject("due_date", LocalDate.class),
        MilestoneStatus.fromCode(rs.getString("status")).orElseThrow(),
        rs.getInt("version"));
  }

  @Transactional
  public Milestone add(String icbCode, long roundId, MilestoneInput input) {
    access.requireEdit(icbCode);
    RoundScope scope = store.scope(rounds.existing(icbCode, roundId));
    Checked checked = check(scope, input, true);
    OffsetDateTime now = OffsetDateTime.now(clock);
    long id =
        Inserts.returningId(
            jdbc,
            "insert into maturity_milestone (round_id, area_id, target_level, action, owner,"
                + " partners, due_date, status, version, created_at, updated_at)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)",
            scope.round().id(),
            checked.area.rowId(),
            checked.target.code(),
            checked.action,
            checked.owner,
            String.join("\n", checked.partners),
            checked.due,
            checked.status.code(),
            now,
            now);
    store.touch(scope.round().id());
    Milestone added = find(scope.round().id(), id);
    audit.milestoneAdded(scope.round(), added);
    return added;
  }

  /** Updates a milestone if nobody else has since the version given. */
  @Transactional
  public Milestone update(String icbCode, long roundId, long milestoneId, MilestoneInput input) {
    access.requireEdit(icbCode);
    RoundScope scope = store.scope(rounds.existing(icbCode, roundId));
    Milestone existing = find(scope.round().id(), milestoneId);
    Checked checked = check(scope, input, false);
    int seen = input.version() == null ? existing.version() : input.version();
    int updated =
        jdbc.sql(
                "update maturity_milestone set area_id = ?, target_level = ?, action = ?, owner = ?,"
                    + " partners = ?, due_date = ?, status = ?, version = version + 1,"
                    + " updated_at = ? where id = ? and round_id = ? and version = ?")
            .params(
                checked.area.rowId(),
                checked.target.code(),
                checked.action,
                checked.owner,
                String.join("\n", checked.partners),
                checked.due,
                checked.status.code(),
                OffsetDateTime.now(clock),
                milestoneId,
                scope.round().id(),
                seen)
            .update();
    if (updated != 1) {
      throw new ConflictException(
          "stale-edit",
          "Edited elsewhere",
          "version",
          String.valueOf(seen),
          "This milestone was changed by someone else after you opened it. Nothing was saved.");
    }
    store.touch(scope.round().id());
    Milestone changed = find(scope.round().id(), milestoneId);
    audit.milestoneChanged(scope.round(), existing, changed);
    return changed;
  }

  private Milestone find(long roundId, long milestoneId) {
    return milestonesOf(roundId).stream()
        .filter(m -> m.id() == milestoneId)
        .findFirst()
        .orElseThrow(
            () ->
                new NotFoundException(
                    "milestoneId",
                    String.valueOf(milestoneId),
                    "There is no such milestone in this round."));
  }

  private record Checked(
      FocusArea area,
      MaturityLevel target,
      String action,
      String owner,
      List<String> partners,
      LocalDate due,
      MilestoneStatus status) {}

  private Checked check(RoundScope scope, MilestoneInput input, boolean isNew) {
    FocusArea area = scope.requireArea(input.areaId());
    Map<String, Agreement> agreements = store.agreements(scope.round().id());
    MaturityLevel target;
    if (input.targetLevel() == null || input.targetLevel().isBlank()) {
      Agreement agreed = agreements.get(area.id());
      MaturityLevel from = agreed == null ? MaturityLevel.NOT_YET_EMERGING : agreed.level();
      target =
          from.next()
              .orElseThrow(
                  () ->
                      new InvalidInputException(
                          "targetLevel",
                          null,
                          area.title()
                              + " is agreed at expanding; choose the level this action keeps."));
    } else {
      target =
          MaturityLevel.fromCode(input.targetLevel())
              .filter(MaturityLevel::isDescribed)
              .orElseThrow(
                  () ->
                      new InvalidInputException(
                          "targetLevel",
                          input.targetLevel(),
                          "The level to reach must be emerging, established or expanding."));
    }
    String action = Text.required("action", input.action(), 2000, "Say what will be done.");
    String owner = Text.required("owner", input.owner(), 200, "Say who owns this action.");
    List<String> partners =
        Arrays.stream(Text.optional("partners", input.partners(), 2000).split("[\\n,]"))
            .map(String::strip)
            .filter(s -> !s.isEmpty())
            .toList();
    LocalDate due;
    String dueText = input.dueDate() == null ? "" : input.dueDate().strip();
    if (dueText.isEmpty()) {
      throw new InvalidInputException(
          "dueDate", dueText, "Enter the date this is due, e.g. 2027-03-31.");
    }
    try {
      due = LocalDate.parse(dueText);
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(
          "dueDate",
          dueText,
          "The due date must be a real date written as year-month-day, e.g. 2027-03-31.");
    }
    MilestoneStatus status = MilestoneStatus.NOT_STARTED;
    if (input.status() != null && !input.status().isBlank()) {
      status =
          MilestoneStatus.fromCode(input.status())
              .orElseThrow(
                  () ->
                      new InvalidInputException(
                          "status",
                          input.status(),
                          "The status must be not-started, in-progress, done or dropped."));
    }
    return new Checked(area, target, action, owner, partners, due, status);
  }
}
