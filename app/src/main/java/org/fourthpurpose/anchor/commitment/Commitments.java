package org.fourthpurpose.anchor.commitment;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.fourthpurpose.anchor.AnchorCommitment;
import org.fourthpurpose.anchor.AnchorOrganisation;
import org.fourthpurpose.anchor.AnchorRegister;
import org.fourthpurpose.anchor.AnchorStrategy;
import org.fourthpurpose.anchor.CommitmentStatus;
import org.fourthpurpose.anchor.CommitmentsChanged;
import org.fourthpurpose.anchor.Pillar;
import org.fourthpurpose.anchor.ProgressionLevel;
import org.fourthpurpose.anchor.register.FieldProblem;
import org.fourthpurpose.audit.AuditLog;
import org.fourthpurpose.indicator.IndicatorCatalogue;
import org.fourthpurpose.indicator.Theme;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Adds, changes and removes the anchor strategies and commitments of a workspace's organisations,
 * and sets their progression levels; keeps every status a commitment takes, with when. Each change
 * is recorded in the audit log and announced as {@link CommitmentsChanged} in its transaction. The
 * caller checks the person's role; an organisation, strategy or commitment of another workspace is
 * never found.
 */
@Service
class Commitments {

  static final int TITLE_LIMIT = 300;
  static final int URL_LIMIT = 2000;
  static final int NOTE_LIMIT = 2000;

  private final JdbcClient sql;
  private final TransactionTemplate transaction;
  private final AnchorRegister register;
  private final IndicatorCatalogue catalogue;
  private final AuditLog audit;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  Commitments(
      JdbcClient sql,
      TransactionTemplate transaction,
      AnchorRegister register,
      IndicatorCatalogue catalogue,
      AuditLog audit,
      ApplicationEventPublisher events,
      Clock clock) {
    this.sql = sql;
    this.transaction = transaction;
    this.register = register;
    this.catalogue = catalogue;
    this.audit = audit;
    this.events = events;
    this.clock = clock;
  }

  // Strategies

  Optional<AnchorStrategy> strategy(String icbCode, long organisationId, long id) {
    return register.strategies(icbCode).stream()
        .filter(s -> s.id() == id && s.organisationId() == organisationId)
        .findFirst();
  }

  AnchorStrategy addStrategy(String icbCode, AnchorOrganisation organisation, StrategyDraft d) {
    Checked s = checkStrategy(d);
    Timestamp now = now();
    long id =
        transaction.execute(
            status -> {
              GeneratedKeyHolder key = new GeneratedKeyHolder();
              sql.sql(
                      "insert into anchor_strategy (organisation_id, title, url, published_on,"
                          + " status, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?)")
                  .params(
                      organisation.id(), s.title, s.url, date(s.publishedOn), s.status, now, now)
                  .update(key, "id");
              long added = key.getKey().longValue();
              audit.record(
                  icbCode,
                  "anchor-strategy.added",
                  strategySubject(organisation, s.title, added),
                  null,
                  s.summary());
              events.publishEvent(new CommitmentsChanged(icbCode));
              return added;
            });
    return strategy(icbCode, organisation.id(), id).orElseThrow();
  }

  void updateStrategy(
      String icbCode, AnchorOrganisation organisation, AnchorStrategy before, StrategyDraft d) {
    Checked s = checkStrategy(d);
    transaction.executeWithoutResult(
        status -> {
          sql.sql(
                  "update anchor_strategy set title = ?, url = ?, published_on = ?, status = ?,"
                      + " updated_at = ? where id = ? and organisation_id = ?")
              .params(
                  s.title,
                  s.url,
                  date(s.publishedOn),
                  s.status,
                  now(),
                  before.id(),
                  organisation.id())
              .update();
          audit.record(
              icbCode,
              "anchor-strategy.changed",
              strategySubject(organisation, s.title, before.id()),
              summary(before),
              s.summary());
          events.publishEvent(new CommitmentsChanged(icbCode));
        });
  }

  void removeStrategy(String icbCode, AnchorOrganisation organisation, AnchorStrategy strategy) {
    transaction.executeWithoutResult(
        status -> {
          sql.sql("delete from anchor_strategy where id = ? and organisation_id = ?")
              .params(strategy.id(), organisation.id())
              .update();
          audit.record(
              icbCode,
              "anchor-strategy.removed",
              strategySubject(organisation, strategy.title(), strategy.id()),
              summary(strategy),
              null);
          events.publishEvent(new CommitmentsChanged(icbCode));
        });
  }

  /** A strategy's checked fields. */
  private record Checked(String title, String url, LocalDate publishedOn, String status) {
    String summary() {
      return title
          + "; status "
          + status
          + (url == null ? "" : "; " + url)
          + (publishedOn == null ? "" : "; published " + publishedOn);
    }
  }

  private static String summary(AnchorStrategy s) {
    return new Checked(s.title(), s.url(), s.publishedOn(), s.status()).summary();
  }

  private Checked checkStrategy(StrategyDraft d) {
    List<FieldProblem> problems = new ArrayList<>();
    String title = CheckedCommitment.strip(d.title());
    if (title.isEmpty()) {
      problems.add(new FieldProblem("title", "Enter the strategy's title"));
    } else if (title.length() > TITLE_LIMIT) {
      problems.add(
          new FieldProblem("title", "The title must be " + TITLE_LIMIT + " characters or fewer"));
    }
    String url = CheckedCommitment.strip(d.url());
    if (!url.isEmpty()) {
      if (url.length() > URL_LIMIT) {
        problems.add(
            new FieldProblem("url", "The link must be " + URL_LIMIT + " characters or fewer"));
      } else if (!url.matches("(?i)https?://[^\\s<>\"]+\\.[^\\s<>\"]+")) {
        problems.add(
            new FieldProblem(
                "url", "Enter a web address starting with https://, such as https://example.org"));
      }
    }
    LocalDate published = null;
    String date = CheckedCommitment.strip(d.publishedOn());
    if (!date.isEmpty()) {
      published = Dates.parse(date).orElse(null);
      if (published == null) {
        problems.add(
            new FieldProblem(
                "publishedOn",
                "'"
                    + CheckedCommitment.shorten(date)
                    + "' is not a date: write it as 2024-06-30 or 30/06/2024"));
      } else if (published.isAfter(LocalDate.now(clock).plusYears(5))
          || published.getYear() < 2000) {
        problems.add(
            new FieldProblem("publishedOn", "The date must be between 2000 and five years ahead"));
      }
    }
    String status = CheckedCommitment.strip(d.status());
    StrategyStatus s = StrategyStatus.find(status.isEmpty() ? "published" : status).orElse(null);
    if (s == null) {
      problems.add(
          new FieldProblem(
              "status",
              "'"
                  + CheckedCommitment.shorten(status)
                  + "' is not a strategy status: use draft, published or retired"));
    }
    if (!problems.isEmpty()) {
      throw new CommitmentProblems(problems);
    }
    return new Checked(title, url.isEmpty() ? null : url, published, s.code());
  }

  // Commitments

  Optional<AnchorCommitment> commitment(String icbCode, long organisationId, long id) {
    return register.commitments(icbCode).stream()
        .filter(c -> c.id() == id && c.organisationId() == organisationId)
        .findFirst();
  }

  /** What a commitment of this organisation may refer to. */
  CheckedCommitment.Context context(String icbCode, long organisationId) {
    List<AnchorStrategy> strategies = register.strategies(icbCode);
    Set<String> themes = catalogue.themes().stream().map(Theme::code).collect(Collectors.toSet());
    Set<String> indicators = catalogue.indicatorsFor(icbCode).keySet();
    return new CheckedCommitment.Context() {
      @Override
      public boolean strategyOfOrganisation(long strategyId) {
        return strategies.stream()
            .anyMatch(s -> s.id() == strategyId && s.organisationId() == organisationId);
      }

      @Override
      public Set<String> themeCodes() {
        return themes;
      }

      @Override
      public Set<String> indicatorCodes() {
        return indicators;
      }
    };
  }

  /**
   * Checks a commitment for an organisation.
   *
   * @throws CommitmentProblems with every field at fault
   */
  CheckedCommitment check(String icbCode, long organisationId, CommitmentDraft draft) {
    List<FieldProblem> problems = new ArrayList<>();
    CheckedCommitment checked =
        CheckedCommitment.check(draft, context(icbCode, organisationId), problems);
    if (!problems.isEmpty()) {
      throw new CommitmentProblems(problems);
    }
    return checked;
  }

  AnchorCommitment addCommitment(
      String icbCode, AnchorOrganisation organisation, CommitmentDraft draft) {
    CheckedCommitment c = check(icbCode, organisation.id(), draft);
    long id =
        transaction.execute(
            status -> {
              long added = insert(organisation.id(), c);
              audit.record(
                  icbCode,
                  "anchor-commitment.added",
                  commitmentSubject(organisation, added),
                  null,
                  summary(c));
              events.publishEvent(new CommitmentsChanged(icbCode));
              return added;
            });
    return commitment(icbCode, organisation.id(), id).orElseThrow();
  }

  /**
   * Adds many commitments in one transaction, all or none (an import).
   *
   * @param rows each organisation's id with its checked commitment
   */
  int addCommitments(String icbCode, List<Imported> rows, String fileName) {
    return transaction.execute(
        status -> {
          for (Imported row : rows) {
            insert(row.organisationId(), row.commitment());
          }
          audit.record(
              icbCode,
              "anchor-commitment.imported",
              "commitments from " + fileName,
              null,
              rows.size() + " commitments added");
          events.publishEvent(new CommitmentsChanged(icbCode));
          return rows.size();
        });
  }

  /** A checked commitment of a file, with the organisation it is for. */
  record Imported(long organisationId, CheckedCommitment commitment) {}

  void updateCommitment(
      String icbCode,
      AnchorOrganisation organisation,
      AnchorCommitment before,
      CommitmentDraft draft) {
    CheckedCommitment c = check(icbCode, organisation.id(), draft);
    transaction.executeWithoutResult(
        status -> {
          Timestamp now = now();
          sql.sql(
                  "update anchor_commitment set strategy_id = ?, pillar = ?, promise = ?,"
                      + " baseline = ?, target = ?, target_date = ?, measure = ?,"
                      + " metric_code = ?, owner = ?, evidence = ?, status = ?, updated_at = ?"
                      + " where id = ? and organisation_id = ?")
              .params(
                  c.strategyId(),
                  c.pillar().code(),
                  c.promise(),
                  c.baseline(),
                  c.target(),
                  date(c.targetDate()),
                  c.measure(),
                  c.metricCode(),
                  c.owner(),
                  c.evidence(),
                  c.status().code(),
                  now,
                  before.id(),
                  organisation.id())
              .update();
          sql.sql("delete from anchor_commitment_theme where commitment_id = ?")
              .param(before.id())
              .update();
          sql.sql("delete from anchor_commitment_indicator where commitment_id = ?")
              .param(before.id())
              .update();
          codes(before.id(), c);
          if (c.status() != before.status()) {
            statusChange(before.id(), c.status(), now);
          }
          audit.record(
              icbCode,
              "anchor-commitment.changed",
              commitmentSubject(organisation, before.id()),
              summary(before),
              summary(c));
          events.publishEvent(new CommitmentsChanged(icbCode));
        });
  }

  void removeCommitment(
      String icbCode, AnchorOrganisation organisation, AnchorCommitment commitment) {
    transaction.executeWithoutResult(
        status -> {
          sql.sql("delete from anchor_commitment where id = ? and organisation_id = ?")
              .params(commitment.id(), organisation.id())
              .update();
          audit.record(
              icbCode,
              "anchor-commitment.removed",
              commitmentSubject(organisation, commitment.id()),
              summary(commitment),
              null);
          events.publishEvent(new CommitmentsChanged(icbCode));
        });
  }

  private long insert(long organisationId, CheckedCommitment c) {
    Timestamp now = now();
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    sql.sql(
            "insert into anchor_commitment (organisation_id, strategy_id, pillar, promise,"
                + " baseline, target, target_date, measure, metric_code, owner, evidence, status,"
                + " created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            organisationId,
            c.strategyId(),
            c.pillar().code(),
            c.promise(),
            c.baseline(),
            c.target(),
            date(c.targetDate()),
            c.measure(),
            c.metricCode(),
            c.owner(),
            c.evidence(),
            c.status().code(),
            now,
            now)
        .update(key, "id");
    long id = key.getKey().longValue();
    codes(id, c);
    statusChange(id, c.status(), now);
    return id;
  }

  private void codes(long id, CheckedCommitment c) {
    for (String theme : c.themes()) {
      sql.sql("insert into anchor_commitment_theme (commitment_id, theme_code) values (?, ?)")
          .params(id, theme)
          .update();
    }
    for (String indicator : c.indicators()) {
      sql.sql(
              "insert into anchor_commitment_indicator (commitment_id, indicator_code) values"
                  + " (?, ?)")
          .params(id, indicator)
          .update();
    }
  }

  private void statusChange(long id, CommitmentStatus status, Timestamp at) {
    sql.sql(
            "insert into anchor_commitment_status_change (commitment_id, status, changed_at)"
                + " values (?, ?, ?)")
        .params(id, status.code(), at)
        .update();
  }

  // Progression

  /**
   * Checks a pillar's level (empty, or 1 to 4) and note.
   *
   * @return the level, or null for none
   * @throws CommitmentProblems naming the pillar's field at fault
   */
  ProgressionLevel checkProgression(Pillar pillar, String level, String note) {
    List<FieldProblem> problems = new ArrayList<>();
    String field = "level-" + pillar.code();
    String l = CheckedCommitment.strip(level);
    ProgressionLevel chosen = null;
    if (!l.isEmpty()) {
      try {
        chosen = ProgressionLevel.of(Integer.parseInt(l)).orElse(null);
      } catch (NumberFormatException e) {
        chosen = null;
      }
      if (chosen == null) {
        problems.add(new FieldProblem(field, "Choose a level from 1 (getting started) to 4"));
      }
    }
    if (CheckedCommitment.strip(note).length() > NOTE_LIMIT) {
      problems.add(
          new FieldProblem(
              "note-" + pillar.code(), "The note must be " + NOTE_LIMIT + " characters or fewer"));
    }
    if (!problems.isEmpty()) {
      throw new CommitmentProblems(problems);
    }
    return chosen;
  }

  /**
   * Sets (or, with no level, clears) an organisation's progression level under one pillar.
   *
   * @throws CommitmentProblems when the level or note is not valid
   */
  void setProgression(
      String icbCode, AnchorOrganisation organisation, Pillar pillar, String level, String note) {
    ProgressionLevel chosen = checkProgression(pillar, level, note);
    String n = CheckedCommitment.strip(note);
    ProgressionLevel newLevel = chosen;
    String newNote = n.isEmpty() ? null : n;
    org.fourthpurpose.anchor.Progression existing =
        register.progressions(icbCode).stream()
            .filter(p -> p.organisationId() == organisation.id() && p.pillar() == pillar)
            .findFirst()
            .orElse(null);
    if (existing == null
        ? newLevel == null
        : existing.level() == newLevel && java.util.Objects.equals(existing.note(), newNote)) {
      return;
    }
    String before =
        existing == null ? null : existing.level().level() + " " + existing.level().label();
    String after = newLevel == null ? null : newLevel.level() + " " + newLevel.label();
    transaction.executeWithoutResult(
        status -> {
          sql.sql("delete from anchor_progression where organisation_id = ? and pillar = ?")
              .params(organisation.id(), pillar.code())
              .update();
          if (newLevel != null) {
            sql.sql(
                    "insert into anchor_progression (organisation_id, pillar, level, note,"
                        + " assessed_on) values (?, ?, ?, ?, ?)")
                .params(
                    organisation.id(),
                    pillar.code(),
                    newLevel.level(),
                    newNote,
                    Date.valueOf(LocalDate.now(clock)))
                .update();
          }
          audit.record(
              icbCode,
              "anchor-progression.set",
              "progression of "
                  + organisation.name()
                  + " ("
                  + organisation.id()
                  + ") under "
                  + pillar.code(),
              before,
              after);
          events.publishEvent(new CommitmentsChanged(icbCode));
        });
  }

  private Timestamp now() {
    return Timestamp.from(clock.instant());
  }

  private static Date date(LocalDate date) {
    return date == null ? null : Date.valueOf(date);
  }

  private static String strategySubject(AnchorOrganisation o, String title, long id) {
    return "strategy " + title + " (" + id + ") of " + o.name();
  }

  private static String commitmentSubject(AnchorOrganisation o, long id) {
    return "commitment " + id + " of " + o.name();
  }

  static String summary(CheckedCommitment c) {
    return summary(
        c.pillar(),
        c.promise(),
        c.themes(),
        c.indicators(),
        c.target(),
        c.targetDate(),
        c.status());
  }

  static String summary(AnchorCommitment c) {
    return summary(
        c.pillar(),
        c.promise(),
        c.themeCodes(),
        c.indicatorCodes(),
        c.target(),
        c.targetDate(),
        c.status());
  }

  private static String summary(
      Pillar pillar,
      String promise,
      List<String> themes,
      List<String> indicators,
      String target,
      LocalDate date,
      CommitmentStatus status) {
    return pillar.code()
        + "; "
        + status.code()
        + "; "
        + promise
        + (themes.isEmpty() ? "" : "; themes " + String.join(" ", themes))
        + (indicators.isEmpty() ? "" : "; indicators " + String.join(" ", indicators))
        + (target == null ? "" : "; target " + target)
        + (date == null ? "" : " by " + date);
  }
}
