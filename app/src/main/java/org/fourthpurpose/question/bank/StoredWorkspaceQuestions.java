package org.fourthpurpose.question.bank;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fourthpurpose.audit.AuditLog;
import org.fourthpurpose.indicator.Indicator;
import org.fourthpurpose.indicator.IndicatorCatalogue;
import org.fourthpurpose.question.BankQuestion;
import org.fourthpurpose.question.PolicyCatalogue;
import org.fourthpurpose.question.WorkspaceQuestion;
import org.fourthpurpose.question.WorkspaceQuestions;
import org.fourthpurpose.web.ConflictException;
import org.fourthpurpose.web.NotFoundException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A workspace's questions in {@code question_workspace}: adopted from the bank (the link kept when
 * the wording is edited), written by the workspace, edited and removed; each change audited. Every
 * call names the workspace and touches only its rows; the caller checks the person's role.
 */
@Service
public class StoredWorkspaceQuestions implements WorkspaceQuestions {

  /** The most questions one workspace may hold. */
  public static final int MAX_QUESTIONS = 200;

  static final int MAX_LINKS = 30;

  private final JdbcClient jdbc;
  private final Clock clock;
  private final ShippedQuestionBank bank;
  private final IndicatorCatalogue indicators;
  private final PolicyCatalogue policies;
  private final AuditLog audit;

  StoredWorkspaceQuestions(
      JdbcClient jdbc,
      Clock clock,
      ShippedQuestionBank bank,
      IndicatorCatalogue indicators,
      PolicyCatalogue policies,
      AuditLog audit) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.bank = bank;
    this.indicators = indicators;
    this.policies = policies;
    this.audit = audit;
  }

  @Override
  public List<WorkspaceQuestion> list(String icbCode) {
    List<String> themes = new ArrayList<>(bank.themes().keySet());
    List<WorkspaceQuestion> all =
        new ArrayList<>(
            jdbc.sql(SELECT + " where icb_code = ?")
                .param(icbCode)
                .query(StoredWorkspaceQuestions::row)
                .list());
    all.sort(
        java.util.Comparator.comparing((WorkspaceQuestion q) -> q.rank() == null)
            .thenComparing(q -> q.rank() == null ? 0 : q.rank())
            .thenComparing(q -> themes.indexOf(q.theme()))
            .thenComparing(WorkspaceQuestion::id));
    return all;
  }

  @Override
  public Optional<WorkspaceQuestion> find(String icbCode, long id) {
    return jdbc.sql(SELECT + " where icb_code = ? and id = ?")
        .params(icbCode, id)
        .query(StoredWorkspaceQuestions::row)
        .optional();
  }

  /** The question or a 404 naming it (also for another workspace's question). */
  public WorkspaceQuestion require(String icbCode, long id) {
    return find(icbCode, id)
        .orElseThrow(
            () ->
                new NotFoundException(
                    "id", String.valueOf(id), "This workspace has no question " + id));
  }

  /** Adopts a bank entry in its own wording; a 409 when the workspace has adopted it already. */
  @Transactional
  public WorkspaceQuestion adopt(String icbCode, String bankId) {
    BankQuestion entry =
        bank.find(bankId)
            .orElseThrow(
                () ->
                    new NotFoundException(
                        "bankId", bankId, "The question bank has no entry " + bankId));
    if (jdbc.sql("select count(*) from question_workspace where icb_code = ? and bank_id = ?")
            .params(icbCode, entry.id())
            .query(Integer.class)
            .single()
        > 0) {
      throw adoptedAlready(entry);
    }
    checkRoom(icbCode);
    long id;
    try {
      id =
          insert(
              icbCode,
              entry.id(),
              new QuestionDraft(
                  entry.theme(),
                  entry.transactional(),
                  entry.transformational(),
                  entry.indicatorIds(),
                  entry.policyIds()));
    } catch (DuplicateKeyException e) {
      throw adoptedAlready(entry);
    }
    audit.record(
        icbCode,
        "question.adopted",
        "question " + id + " from the bank entry " + entry.id(),
        null,
        entry.transformational());
    return require(icbCode, id);
  }

  private static ConflictException adoptedAlready(BankQuestion entry) {
    return new ConflictException(
        "adopted-already",
        "Adopted already",
        "bankId",
        entry.id(),
        "This workspace has already adopted \"" + entry.transformational() + "\"");
  }

  /** Adds a question the workspace wrote itself. */
  @Transactional
  public WorkspaceQuestion add(String icbCode, QuestionDraft draft) {
    QuestionDraft checked = check(icbCode, draft);
    checkRoom(icbCode);
    long id = insert(icbCode, null, checked);
    audit.record(icbCode, "question.added", "question " + id, null, checked.transformational());
    return require(icbCode, id);
  }

  /** Changes a question's wording and links; an adopted question keeps its bank entry. */
  @Transactional
  public WorkspaceQuestion edit(String icbCode, long id, QuestionDraft draft) {
    WorkspaceQuestion before = require(icbCode, id);
    QuestionDraft checked = check(icbCode, draft);
    jdbc.sql(
            "update question_workspace set theme = ?, transactional = ?, transformational = ?,"
                + " indicator_ids = ?, policy_ids = ?, updated_by = ?, updated_at = ?"
                + " where icb_code = ? and id = ?")
        .params(
            checked.theme(),
            checked.transactional() == null ? "" : checked.transactional(),
            checked.transformational(),
            String.join(" ", checked.indicatorIds()),
            String.join(" ", checked.policyIds()),
            audit.currentActor(),
            now(),
            icbCode,
            id)
        .update();
    audit.record(
        icbCode,
        "question.edited",
        "question " + id,
        summary(before.theme(), before.transformational(), before.indicatorIds()),
        summary(checked.theme(), checked.transformational(), checked.indicatorIds()));
    return require(icbCode, id);
  }

  /** Removes a question with its scores. */
  @Transactional
  public void remove(String icbCode, long id) {
    WorkspaceQuestion before = require(icbCode, id);
    jdbc.sql("delete from question_score where question_id = ?").param(id).update();
    jdbc.sql("delete from question_workspace where icb_code = ? and id = ?")
        .params(icbCode, id)
        .update();
    if (before.priority()) {
      renumber(icbCode);
    }
    audit.record(
        icbCode,
        "question.removed",
        "question " + id,
        summary(before.theme(), before.transformational(), before.indicatorIds()),
        null);
  }

  /**
   * Agrees a question as a priority with a rationale, at {@code rank} among the priorities (the
   * others move down) or last when rank is null.
   */
  @Transactional
  public WorkspaceQuestion agree(String icbCode, long id, String rationale, Integer rank) {
    WorkspaceQuestion before = require(icbCode, id);
    List<QuestionProblems.Problem> problems = new ArrayList<>();
    if (rationale == null || rationale.isBlank()) {
      problems.add(
          new QuestionProblems.Problem(
              "rationale", "Say why the partnership agreed this question as a priority"));
    } else if (rationale.strip().length() > 2000) {
      problems.add(
          new QuestionProblems.Problem("rationale", "Keep the rationale to 2,000 characters"));
    }
    List<WorkspaceQuestion> agreed =
        new ArrayList<>(
            list(icbCode).stream()
                .filter(WorkspaceQuestion::priority)
                .filter(q -> q.id() != id)
                .toList());
    if (rank != null && (rank < 1 || rank > agreed.size() + 1)) {
      problems.add(
          new QuestionProblems.Problem(
              "rank", "The rank must be a whole number from 1 to " + (agreed.size() + 1)));
    }
    if (!problems.isEmpty()) {
      throw new QuestionProblems(problems);
    }
    int position = rank == null ? agreed.size() : rank - 1;
    agreed.add(position, before);
    jdbc.sql(
            "update question_workspace set priority = true, priority_rationale = ?,"
                + " agreed_by = ?, agreed_at = ? where icb_code = ? and id = ?")
        .params(rationale.strip(), audit.currentActor(), now(), icbCode, id)
        .update();
    for (int i = 0; i < agreed.size(); i++) {
      jdbc.sql("update question_workspace set priority_rank = ? where icb_code = ? and id = ?")
          .params(i + 1, icbCode, agreed.get(i).id())
          .update();
    }
    audit.record(
        icbCode,
        "question.priority-agreed",
        "question " + id + " as priority " + (position + 1),
        before.priority() ? "priority " + before.rank() + ": " + before.priorityRationale() : null,
        rationale.strip());
    return require(icbCode, id);
  }

  /** Withdraws a question from the agreed priorities; the others close up. */
  @Transactional
  public WorkspaceQuestion withdraw(String icbCode, long id) {
    WorkspaceQuestion before = require(icbCode, id);
    if (!before.priority()) {
      throw new ConflictException(
          "not-a-priority",
          "Not a priority",
          "id",
          String.valueOf(id),
          "Question " + id + " is not an agreed priority");
    }
    jdbc.sql(
            "update question_workspace set priority = false, priority_rationale = null,"
                + " priority_rank = null, agreed_by = null, agreed_at = null"
                + " where icb_code = ? and id = ?")
        .params(icbCode, id)
        .update();
    renumber(icbCode);
    audit.record(
        icbCode,
        "question.priority-withdrawn",
        "question " + id,
        "priority " + before.rank() + ": " + before.priorityRationale(),
        null);
    return require(icbCode, id);
  }

  private void renumber(String icbCode) {
    List<WorkspaceQuestion> agreed =
        list(icbCode).stream().filter(WorkspaceQuestion::priority).toList();
    for (int i = 0; i < agreed.size(); i++) {
      jdbc.sql("update question_workspace set priority_rank = ? where icb_code = ? and id = ?")
          .params(i + 1, icbCode, agreed.get(i).id())
          .update();
    }
  }

  /** The draft with its codes checked against the catalogue and policies, or every problem. */
  QuestionDraft check(String icbCode, QuestionDraft draft) {
    List<QuestionProblems.Problem> problems = new ArrayList<>();
    String theme = draft.theme() == null ? "" : draft.theme().strip();
    if (theme.isEmpty()) {
      problems.add(new QuestionProblems.Problem("theme", "Choose the Step 1 theme"));
    } else if (!bank.themes().containsKey(theme)) {
      problems.add(
          new QuestionProblems.Problem(
              "theme", "The theme must be one of " + String.join(", ", bank.themes().keySet())));
    }
    String transactional = strip(draft.transactional());
    if (transactional != null && transactional.length() > 500) {
      problems.add(
          new QuestionProblems.Problem(
              "transactional", "Keep the transactional question to 500 characters"));
    }
    String transformational = strip(draft.transformational());
    if (transformational == null) {
      problems.add(
          new QuestionProblems.Problem("transformational", "Enter the transformational question"));
    } else if (transformational.length() > 500) {
      problems.add(
          new QuestionProblems.Problem(
              "transformational", "Keep the transformational question to 500 characters"));
    }
    if (draft.indicatorIds().size() > MAX_LINKS) {
      problems.add(
          new QuestionProblems.Problem(
              "indicatorIds", "Link at most " + MAX_LINKS + " indicators"));
    } else {
      Map<String, Indicator> known = indicators.indicatorsFor(icbCode);
      List<String> unknown =
          draft.indicatorIds().stream().filter(i -> !known.containsKey(i)).toList();
      if (!unknown.isEmpty()) {
        problems.add(
            new QuestionProblems.Problem(
                "indicatorIds",
                "Not in the indicator catalogue: " + String.join(", ", cut(unknown))));
      }
    }
    if (draft.policyIds().size() > MAX_LINKS) {
      problems.add(
          new QuestionProblems.Problem("policyIds", "Link at most " + MAX_LINKS + " policies"));
    } else {
      List<String> unknown =
          draft.policyIds().stream().filter(p -> policies.find(p).isEmpty()).toList();
      if (!unknown.isEmpty()) {
        problems.add(
            new QuestionProblems.Problem(
                "policyIds",
                "Not in the policies and funding catalogue: " + String.join(", ", cut(unknown))));
      }
    }
    if (!problems.isEmpty()) {
      throw new QuestionProblems(problems);
    }
    return new QuestionDraft(
        theme, transactional, transformational, draft.indicatorIds(), draft.policyIds());
  }

  private static List<String> cut(List<String> codes) {
    return codes.stream()
        .limit(5)
        .map(c -> c.length() > 60 ? c.substring(0, 60) + "…" : c)
        .toList();
  }

  private void checkRoom(String icbCode) {
    int count =
        jdbc.sql("select count(*) from question_workspace where icb_code = ?")
            .param(icbCode)
            .query(Integer.class)
            .single();
    if (count >= MAX_QUESTIONS) {
      throw new ConflictException(
          "too-many-questions",
          "Too many questions",
          null,
          null,
          "A workspace can hold at most " + MAX_QUESTIONS + " questions; remove some first");
    }
  }

  private long insert(String icbCode, String bankId, QuestionDraft d) {
    var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
    OffsetDateTime now = now();
    String actor = audit.currentActor();
    jdbc.sql(
            "insert into question_workspace (icb_code, bank_id, theme, transactional,"
                + " transformational, indicator_ids, policy_ids, created_by, created_at,"
                + " updated_by, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            icbCode,
            bankId,
            d.theme(),
            d.transactional() == null ? "" : d.transactional(),
            d.transformational(),
            String.join(" ", d.indicatorIds()),
            String.join(" ", d.policyIds()),
            actor,
            now,
            actor,
            now)
        .update(keys, "id");
    return java.util.Objects.requireNonNull(keys.getKey(), "no generated key").longValue();
  }

  private OffsetDateTime now() {
    return clock.instant().atOffset(ZoneOffset.UTC);
  }

  private static String summary(String theme, String transformational, List<String> indicators) {
    return theme + ": " + transformational + " [" + String.join(" ", indicators) + "]";
  }

  private static String strip(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  private static final String SELECT =
      "select id, bank_id, theme, transactional, transformational, indicator_ids, policy_ids,"
          + " priority, priority_rationale, priority_rank from question_workspace";

  private static WorkspaceQuestion row(ResultSet rs, int n) throws SQLException {
    String transactional = rs.getString("transactional");
    return new WorkspaceQuestion(
        rs.getLong("id"),
        rs.getString("bank_id"),
        rs.getString("theme"),
        transactional == null || transactional.isEmpty() ? null : transactional,
        rs.getString("transformational"),
        codes(rs.getString("indicator_ids")),
        codes(rs.getString("policy_ids")),
        rs.getBoolean("priority"),
        rs.getString("priority_rationale"),
        (Integer) rs.getObject("priority_rank", Integer.class));
  }

  private static List<String> codes(String text) {
    return text == null || text.isBlank() ? List.of() : Arrays.asList(text.split(" "));
  }
}
