package org.fourthpurpose.anchor.register;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Imports organisations into a workspace's register from a CSV file or workbook, all or nothing:
 * every row is checked as the form checks it, an identifier that appears twice in the file or is
 * already in the register is refused, and any problem refuses the whole file with every problem by
 * line and column.
 */
@Service
public class OrganisationImport {

  /** The columns of an organisations file, as the export writes them. */
  static final List<String> COLUMNS =
      List.of(
          "name",
          "type",
          "ods",
          "gss",
          "ukprn",
          "charity",
          "company",
          "staff",
          "annual_non_pay_spend",
          "places",
          "contact_owner",
          "activity_share");

  /** Columns of the export that an import ignores, so an edited export can be imported. */
  static final List<String> IGNORED =
      List.of("id", "type_label", "latitude", "longitude", "seeded");

  private final Organisations organisations;

  OrganisationImport(Organisations organisations) {
    this.organisations = organisations;
  }

  /**
   * Reads, checks and stores a file.
   *
   * @return how many organisations were added
   * @throws TableRefused with every problem; nothing is stored
   */
  public int importFile(String icbCode, String fileName, byte[] bytes) {
    Set<String> allowed = new LinkedHashSet<>(COLUMNS);
    allowed.addAll(IGNORED);
    TableFile file = TableFile.read(fileName, bytes, List.of("name", "type"), allowed);
    Set<String> footprint = organisations.footprint(icbCode);
    // Seed first, so the register's identifiers include the seeded organisations.
    organisations.list(icbCode);
    Map<String, Map<String, String>> inUse = organisations.identifiersInUse(icbCode, null);
    Map<String, Long> inFile = new HashMap<>();
    List<TableFile.FileProblem> problems = new ArrayList<>();
    List<CheckedOrganisation> checked = new ArrayList<>();
    for (TableFile.TableRow row : file.rows()) {
      OrganisationDraft draft =
          new OrganisationDraft(
              file.cell(row, "name"),
              file.cell(row, "type"),
              file.cell(row, "ods"),
              file.cell(row, "gss"),
              file.cell(row, "ukprn"),
              file.cell(row, "charity"),
              file.cell(row, "company"),
              file.cell(row, "staff"),
              file.cell(row, "annual_non_pay_spend"),
              file.cell(row, "places"),
              file.cell(row, "contact_owner"),
              file.cell(row, "activity_share"));
      List<FieldProblem> fields = new ArrayList<>();
      CheckedOrganisation organisation = CheckedOrganisation.check(draft, footprint, fields);
      for (FieldProblem p : fields) {
        problems.add(
            new TableFile.FileProblem(row.line(), file.column(column(p.field())), p.message()));
      }
      if (organisation == null) {
        continue;
      }
      for (Map.Entry<String, String> id : organisation.identifiers().entrySet()) {
        String label = Identifiers.byKey(id.getKey()).orElseThrow().label();
        String holder = inUse.getOrDefault(id.getKey(), Map.of()).get(id.getValue());
        Long earlier = inFile.putIfAbsent(id.getKey() + " " + id.getValue(), row.line());
        if (holder != null) {
          problems.add(
              new TableFile.FileProblem(
                  row.line(),
                  file.column(id.getKey()),
                  label + " " + id.getValue() + " is already in the register, for " + holder));
        } else if (earlier != null) {
          problems.add(
              new TableFile.FileProblem(
                  row.line(),
                  file.column(id.getKey()),
                  label + " " + id.getValue() + " is also on line " + earlier));
        }
      }
      checked.add(organisation);
    }
    if (!problems.isEmpty()) {
      throw new TableRefused(
          file.name(),
          problems.subList(0, Math.min(problems.size(), TableFile.MAXIMUM_PROBLEMS)),
          problems.size());
    }
    return organisations.addAll(icbCode, checked, file.name()).size();
  }

  /** The file's column for a form field. */
  static String column(String field) {
    return switch (field) {
      case "annualNonPaySpend" -> "annual_non_pay_spend";
      case "contactOwner" -> "contact_owner";
      case "activityShare" -> "activity_share";
      default -> field;
    };
  }
}
