package org.fourthpurpose.anchor.commitment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.fourthpurpose.anchor.AnchorCommitment;
import org.fourthpurpose.anchor.AnchorOrganisation;
import org.fourthpurpose.anchor.AnchorRegister;
import org.fourthpurpose.anchor.AnchorStrategy;
import org.fourthpurpose.anchor.register.FieldProblem;
import org.fourthpurpose.anchor.register.Identifiers;
import org.fourthpurpose.anchor.register.TableFile;
import org.fourthpurpose.anchor.register.TableRefused;
import org.springframework.stereotype.Service;

/**
 * Imports commitments from a CSV file or workbook, all or nothing: each row names its organisation
 * (by the register's id, one of its identifiers or its exact name) and is checked as the form
 * checks it; a commitment the organisation already has (same pillar and promise), or that appears
 * twice in the file, is refused; any problem refuses the whole file with every problem by line and
 * column.
 */
@Service
class CommitmentImport {

  static final List<String> COLUMNS =
      List.of(
          "organisation_id",
          "organisation",
          "strategy",
          "pillar",
          "promise",
          "themes",
          "indicators",
          "baseline",
          "target",
          "target_date",
          "measure",
          "metric_code",
          "owner",
          "evidence",
          "status");

  /** Export columns an import ignores. */
  static final List<String> IGNORED = List.of("id");

  private final AnchorRegister register;
  private final Commitments commitments;

  CommitmentImport(AnchorRegister register, Commitments commitments) {
    this.register = register;
    this.commitments = commitments;
  }

  /**
   * @return how many commitments were added
   * @throws TableRefused with every problem; nothing is stored
   */
  int importFile(String icbCode, String fileName, byte[] bytes) {
    Set<String> allowed = new LinkedHashSet<>(COLUMNS);
    allowed.addAll(IGNORED);
    TableFile file = TableFile.read(fileName, bytes, List.of("pillar", "promise"), allowed);
    List<AnchorOrganisation> organisations = register.organisations(icbCode);
    List<AnchorStrategy> strategies = register.strategies(icbCode);
    Map<String, Long> existing = new HashMap<>();
    for (AnchorCommitment c : register.commitments(icbCode)) {
      existing.put(key(c.organisationId(), c.pillar().code(), c.promise()), c.id());
    }
    Map<Long, CheckedCommitment.Context> contexts = new HashMap<>();
    Map<String, Long> inFile = new HashMap<>();
    List<TableFile.FileProblem> problems = new ArrayList<>();
    List<Commitments.Imported> rows = new ArrayList<>();
    for (TableFile.TableRow row : file.rows()) {
      AnchorOrganisation organisation = organisation(file, row, organisations, problems);
      if (organisation == null) {
        continue;
      }
      String strategyId = "";
      String strategyTitle = file.cell(row, "strategy");
      if (!strategyTitle.isEmpty()) {
        List<AnchorStrategy> matches =
            strategies.stream()
                .filter(s -> s.organisationId() == organisation.id())
                .filter(s -> s.title().equalsIgnoreCase(strategyTitle))
                .toList();
        if (matches.size() != 1) {
          problems.add(
              new TableFile.FileProblem(
                  row.line(),
                  file.column("strategy"),
                  organisation.name()
                      + " has no strategy titled '"
                      + shorten(strategyTitle)
                      + "'"));
          continue;
        }
        strategyId = String.valueOf(matches.get(0).id());
      }
      CommitmentDraft draft =
          new CommitmentDraft(
              strategyId,
              file.cell(row, "pillar"),
              file.cell(row, "promise"),
              List.of(file.cell(row, "themes")),
              List.of(file.cell(row, "indicators")),
              file.cell(row, "baseline"),
              file.cell(row, "target"),
              file.cell(row, "target_date"),
              file.cell(row, "measure"),
              file.cell(row, "metric_code"),
              file.cell(row, "owner"),
              file.cell(row, "evidence"),
              file.cell(row, "status"));
      List<FieldProblem> fields = new ArrayList<>();
      CheckedCommitment checked =
          CheckedCommitment.check(
              draft,
              contexts.computeIfAbsent(organisation.id(), id -> commitments.context(icbCode, id)),
              fields);
      for (FieldProblem p : fields) {
        problems.add(
            new TableFile.FileProblem(row.line(), file.column(column(p.field())), p.message()));
      }
      if (checked == null) {
        continue;
      }
      String key = key(organisation.id(), checked.pillar().code(), checked.promise());
      Long earlier = inFile.putIfAbsent(key, row.line());
      if (existing.containsKey(key)) {
        problems.add(
            new TableFile.FileProblem(
                row.line(),
                file.column("promise"),
                organisation.name() + " already has this commitment under this pillar"));
      } else if (earlier != null) {
        problems.add(
            new TableFile.FileProblem(
                row.line(),
                file.column("promise"),
                "the same commitment of " + organisation.name() + " is also on line " + earlier));
      }
      rows.add(new Commitments.Imported(organisation.id(), checked));
    }
    if (!problems.isEmpty()) {
      throw new TableRefused(
          file.name(),
          problems.subList(0, Math.min(problems.size(), TableFile.MAXIMUM_PROBLEMS)),
          problems.size());
    }
    return commitments.addCommitments(icbCode, rows, file.name());
  }

  /** The organisation a row names, or null after adding the problem. */
  private static AnchorOrganisation organisation(
      TableFile file,
      TableFile.TableRow row,
      List<AnchorOrganisation> organisations,
      List<TableFile.FileProblem> problems) {
    String id = file.cell(row, "organisation_id");
    if (!id.isEmpty()) {
      try {
        long wanted = Long.parseLong(id);
        for (AnchorOrganisation o : organisations) {
          if (o.id() == wanted) {
            return o;
          }
        }
      } catch (NumberFormatException e) {
        // Reported below as not in the register.
      }
      problems.add(
          new TableFile.FileProblem(
              row.line(),
              file.column("organisation_id"),
              "'" + shorten(id) + "' is not the id of an organisation in this register"));
      return null;
    }
    String named = file.cell(row, "organisation");
    if (named.isEmpty()) {
      problems.add(
          new TableFile.FileProblem(
              row.line(),
              file.has("organisation") ? file.column("organisation") : null,
              "Name the organisation: its register id, one of its identifiers or its name"));
      return null;
    }
    String identifier = Identifiers.normalise(named);
    List<AnchorOrganisation> byIdentifier =
        organisations.stream().filter(o -> o.identifiers().containsValue(identifier)).toList();
    if (byIdentifier.size() == 1) {
      return byIdentifier.get(0);
    }
    List<AnchorOrganisation> byName =
        organisations.stream().filter(o -> o.name().equalsIgnoreCase(named)).toList();
    if (byName.size() == 1) {
      return byName.get(0);
    }
    problems.add(
        new TableFile.FileProblem(
            row.line(),
            file.column("organisation"),
            byName.size() > 1 || byIdentifier.size() > 1
                ? "'" + shorten(named) + "' matches more than one organisation: use its id"
                : "'" + shorten(named) + "' is not an organisation in this register"));
    return null;
  }

  private static String key(long organisationId, String pillar, String promise) {
    return organisationId
        + " "
        + pillar
        + " "
        + promise.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }

  static String column(String field) {
    return switch (field) {
      case "targetDate" -> "target_date";
      case "metricCode" -> "metric_code";
      case "strategyId" -> "strategy";
      default -> field;
    };
  }

  private static String shorten(String text) {
    return text.length() <= 40 ? text : text.substring(0, 39) + "…";
  }
}
