package org.fourthpurpose.equity.waitinglist;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fourthpurpose.account.WorkspaceAccess;
import org.fourthpurpose.geography.Geography;
import org.fourthpurpose.geography.IntegratedCareBoard;
import org.fourthpurpose.web.InvalidInputException;
import org.fourthpurpose.web.NeedsReferenceData;
import org.fourthpurpose.web.NotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;

/**
 * A workspace's waiting-list analyses: the list with the upload form (editors), the column mapping
 * for an extract whose headers differ, each analysis while it waits or runs (a page that refreshes
 * itself, and updates in place with JavaScript), the problems of a refused extract, the results of
 * a done one, its downloads, publishing and deleting.
 */
@NeedsReferenceData({"geography", "deprivation"})
@Controller
class EquityPageController {

  static final String LIST_VIEW = "equity/analyses";
  static final String COLUMNS_VIEW = "equity/columns";
  static final String ANALYSIS_VIEW = "equity/analysis";

  private final EquityAnalyses analyses;
  private final ExtractUploads uploads;
  private final ExtractFiles files;
  private final WorkspaceAccess access;
  private final Geography geography;
  private final Clock clock;

  EquityPageController(
      EquityAnalyses analyses,
      ExtractUploads uploads,
      ExtractFiles files,
      WorkspaceAccess access,
      Geography geography,
      Clock clock) {
    this.analyses = analyses;
    this.uploads = uploads;
    this.files = files;
    this.access = access;
    this.geography = geography;
    this.clock = clock;
  }

  /** A field of a form at fault; the field is also its input's id. */
  public record FieldError(String field, String message) {}

  @GetMapping("/workspaces/{icbCode}/equity")
  String list(@PathVariable String icbCode, Model model) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireView(icb.code());
    return listPage(icb, model, "", false, List.of(), null);
  }

  private String listPage(
      IntegratedCareBoard icb,
      Model model,
      String censusDate,
      boolean synthetic,
      List<FieldError> errors,
      ExtractRefusal refused) {
    model.addAttribute("icb", icb);
    model.addAttribute("canEdit", access.canEdit(icb.code()));
    model.addAttribute("censusDate", censusDate);
    model.addAttribute("synthetic", synthetic);
    model.addAttribute("errors", errors);
    model.addAttribute("refused", refused);
    model.addAttribute("limitMegabytes", files.limit().toMegabytes());
    model.addAttribute("columns", ExtractColumn.values());
    model.addAttribute("analyses", analyses.list(icb.code()));
    return LIST_VIEW;
  }

  @PostMapping("/workspaces/{icbCode}/equity")
  String upload(
      @PathVariable String icbCode,
      @RequestParam(required = false) String censusDate,
      @RequestParam(required = false) String synthetic,
      @RequestParam(required = false) MultipartFile file,
      Model model,
      HttpServletResponse response)
      throws IOException {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireEdit(icb.code());
    List<FieldError> errors = new ArrayList<>();
    String dateText = censusDate == null ? "" : censusDate.strip();
    LocalDate census = null;
    try {
      census = EquityApiController.censusDate(dateText, clock);
    } catch (InvalidInputException e) {
      errors.add(
          new FieldError(
              "censusDate",
              dateText.isEmpty()
                  ? "Enter the census date of the extract"
                  : "Enter the census date as a real date up to today, such as 2025-03-31"));
    }
    if (file == null || file.isEmpty()) {
      errors.add(new FieldError("file", "Select a CSV, Parquet or Excel file of the waiting list"));
    }
    boolean markedSynthetic = synthetic != null;
    if (!errors.isEmpty()) {
      response.setStatus(400);
      return listPage(icb, model, dateText, markedSynthetic, errors, null);
    }
    String name =
        file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()
            ? "waiting-list"
            : file.getOriginalFilename().strip();
    try {
      ExtractUploads.Received received =
          uploads.fromPage(icb.code(), file.getInputStream(), name, census, markedSynthetic);
      if (received.pending() != null) {
        return "redirect:/workspaces/" + icb.code() + "/equity/uploads/" + received.pending().id();
      }
      return "redirect:/workspaces/" + icb.code() + "/equity/analyses/" + received.analysis().id();
    } catch (ExtractRefusal refusal) {
      response.setStatus(400);
      return listPage(
          icb,
          model,
          dateText,
          markedSynthetic,
          List.of(
              new FieldError(
                  "file", "The file could not be read: " + refusal.problems().get(0).text())),
          refusal);
    }
  }

  /** One row of the mapping form: a column the analysis needs and the header chosen for it. */
  public record MappingRow(ExtractColumn column, String chosen, String error) {}

  @GetMapping("/workspaces/{icbCode}/equity/uploads/{uploadId}")
  String columns(@PathVariable String icbCode, @PathVariable String uploadId, Model model) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireEdit(icb.code());
    EquityAnalyses.Pending pending = pending(icb, uploadId);
    Map<String, String> remembered = analyses.rememberedMapping(icb.code());
    List<MappingRow> rows = new ArrayList<>();
    for (ExtractColumn column : ExtractColumn.values()) {
      String guess =
          pending.headers().stream()
              .filter(h -> ExtractColumn.normalise(h).equals(column.column()))
              .findFirst()
              .orElseGet(
                  () -> {
                    String r = remembered.get(column.column());
                    return r != null && pending.headers().contains(r) ? r : "";
                  });
      rows.add(new MappingRow(column, guess, null));
    }
    return columnsPage(icb, pending, rows, List.of(), model);
  }

  private String columnsPage(
      IntegratedCareBoard icb,
      EquityAnalyses.Pending pending,
      List<MappingRow> rows,
      List<FieldError> errors,
      Model model) {
    model.addAttribute("icb", icb);
    model.addAttribute("pending", pending);
    model.addAttribute("rows", rows);
    model.addAttribute("errors", errors);
    return COLUMNS_VIEW;
  }

  @PostMapping("/workspaces/{icbCode}/equity/uploads/{uploadId}")
  String map(
      @PathVariable String icbCode,
      @PathVariable String uploadId,
      @RequestParam MultiValueMap<String, String> form,
      Model model,
      HttpServletResponse response)
      throws IOException {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireEdit(icb.code());
    EquityAnalyses.Pending pending = pending(icb, uploadId);
    if (form.containsKey("discard")) {
      uploads.discard(pending);
      return "redirect:/workspaces/" + icb.code() + "/equity?discarded";
    }
    Map<String, String> mapping = new LinkedHashMap<>();
    List<MappingRow> rows = new ArrayList<>();
    List<FieldError> errors = new ArrayList<>();
    Set<String> used = new HashSet<>();
    for (ExtractColumn column : ExtractColumn.values()) {
      String chosen =
          Optional.ofNullable(form.getFirst("column-" + column.column())).orElse("").strip();
      String error = null;
      if (chosen.isEmpty()) {
        if (column.required()) {
          error =
              "Select the column of the file that holds the "
                  + column.label().toLowerCase(java.util.Locale.ROOT);
        }
      } else if (!pending.headers().contains(chosen)) {
        error =
            "Select one of the file's columns for the "
                + column.label().toLowerCase(java.util.Locale.ROOT);
        chosen = "";
      } else if (!used.add(chosen)) {
        error = "The column " + chosen + " is already chosen for another column: choose each once";
      } else {
        mapping.put(column.column(), chosen);
      }
      if (error != null) {
        errors.add(new FieldError("column-" + column.column(), error));
      }
      rows.add(new MappingRow(column, chosen, error));
    }
    if (!errors.isEmpty()) {
      response.setStatus(400);
      return columnsPage(icb, pending, rows, errors, model);
    }
    EquityAnalysis analysis = uploads.mapped(pending, mapping, false);
    return "redirect:/workspaces/" + icb.code() + "/equity/analyses/" + analysis.id();
  }

  private EquityAnalyses.Pending pending(IntegratedCareBoard icb, String uploadId) {
    return analyses
        .pending(icb.code(), uploadId)
        .orElseThrow(
            () ->
                new NotFoundException(
                    "upload",
                    uploadId,
                    "This upload is no longer waiting for its columns (an upload waits an hour):"
                        + " upload the file again"));
  }

  @GetMapping("/workspaces/{icbCode}/equity/analyses/{id}")
  String analysis(
      @PathVariable String icbCode,
      @PathVariable long id,
      @RequestParam(required = false) String breakdown,
      Model model,
      HttpServletResponse response) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireView(icb.code());
    EquityAnalysis analysis = find(icb, id);
    model.addAttribute("icb", icb);
    model.addAttribute("a", analysis);
    model.addAttribute("canEdit", access.canEdit(icb.code()));
    if (!analysis.finished()) {
      // Refreshes without JavaScript (the content security policy allows no inline script).
      response.setHeader("Refresh", "2");
    }
    if (analysis.failed()) {
      model.addAttribute("problems", analyses.problems(id));
    }
    if (analysis.done()) {
      Optional<EquityAnalysis> previous = analyses.previous(analysis, false);
      model.addAttribute("previous", previous.orElse(null));
      model.addAttribute(
          "view",
          ResultView.of(
              analyses.tables(id),
              analyses.measures(id),
              analyses.findings(id),
              breakdown == null ? EquityTable.IMD_QUINTILE.slug() : breakdown,
              previous.map(p -> analyses.tables(p.id())),
              previous.map(p -> p.censusDate().toString()).orElse(null)));
    }
    return ANALYSIS_VIEW;
  }

  /** Where an analysis is, for the page's script to update it in place. */
  public record StatusJson(long id, String status, String statusText, String message, Long rows) {}

  @GetMapping("/workspaces/{icbCode}/equity/analyses/{id}/status.json")
  @ResponseBody
  StatusJson status(@PathVariable String icbCode, @PathVariable long id) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireView(icb.code());
    EquityAnalysis a = find(icb, id);
    return new StatusJson(a.id(), a.status(), a.statusText(), a.message(), a.rowsRead());
  }

  @GetMapping("/workspaces/{icbCode}/equity/analyses/{id}/tables.csv")
  ResponseEntity<String> csv(@PathVariable String icbCode, @PathVariable long id) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireView(icb.code());
    EquityAnalysis a = done(icb, id);
    return EquityDownloads.csv(a, analyses.tables(id));
  }

  @GetMapping("/workspaces/{icbCode}/equity/analyses/{id}/tables.xlsx")
  ResponseEntity<byte[]> xlsx(@PathVariable String icbCode, @PathVariable long id) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireView(icb.code());
    EquityAnalysis a = done(icb, id);
    return EquityDownloads.xlsx(a, analyses.tables(id), analyses.findings(id));
  }

  @PostMapping("/workspaces/{icbCode}/equity/analyses/{id}/published")
  String publish(
      @PathVariable String icbCode, @PathVariable long id, @RequestParam boolean published) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireEdit(icb.code());
    if (!analyses.publish(icb.code(), id, published)) {
      throw EquityApiController.notFound(id);
    }
    return "redirect:/workspaces/"
        + icb.code()
        + "/equity/analyses/"
        + id
        + (published ? "?published" : "?withdrawn");
  }

  @PostMapping("/workspaces/{icbCode}/equity/analyses/{id}/delete")
  String delete(@PathVariable String icbCode, @PathVariable long id) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireEdit(icb.code());
    if (!analyses.delete(icb.code(), id)) {
      throw EquityApiController.notFound(id);
    }
    return "redirect:/workspaces/" + icb.code() + "/equity?deleted";
  }

  private EquityAnalysis find(IntegratedCareBoard icb, long id) {
    return analyses.find(icb.code(), id).orElseThrow(() -> EquityApiController.notFound(id));
  }

  private EquityAnalysis done(IntegratedCareBoard icb, long id) {
    EquityAnalysis a = find(icb, id);
    if (!a.done()) {
      throw new NotFoundException(
          "id", Long.toString(id), "Analysis " + id + " has no tables: it is " + a.status());
    }
    return a;
  }
}
