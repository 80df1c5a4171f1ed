package org.fourthpurpose.indicator.importing;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.fourthpurpose.account.WorkspaceAccess;
import org.fourthpurpose.geography.Geography;
import org.fourthpurpose.geography.IntegratedCareBoard;
import org.fourthpurpose.web.NeedsReferenceData;
import org.fourthpurpose.web.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * A workspace's indicator imports: the upload form and past imports, and each import's progress and
 * result. Viewers see imports; editors upload.
 */
@NeedsReferenceData("indicators")
@Controller
class IndicatorImportPageController {

  static final String LIST_VIEW = "indicator/imports";
  static final String IMPORT_VIEW = "indicator/import";
  static final int RECENT = 50;

  private final IndicatorImports imports;
  private final WorkspaceAccess access;
  private final Geography geography;
  private final DataSize maximumUpload;
  private final UploadSpool spool;

  IndicatorImportPageController(
      IndicatorImports imports,
      WorkspaceAccess access,
      Geography geography,
      UploadSpool spool,
      @Value("${spring.servlet.multipart.max-file-size:200MB}") DataSize maximumUpload) {
    this.spool = spool;
    this.imports = imports;
    this.access = access;
    this.geography = geography;
    this.maximumUpload = maximumUpload;
  }

  @GetMapping("/workspaces/{icbCode}/indicators/imports")
  String list(@PathVariable String icbCode, Model model) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireView(icb.code());
    return form(icb, model, null);
  }

  @PostMapping("/workspaces/{icbCode}/indicators/imports")
  String upload(
      @PathVariable String icbCode,
      @RequestParam(required = false) MultipartFile file,
      @RequestParam(required = false) String format,
      Model model,
      HttpServletResponse response)
      throws IOException {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireEdit(icb.code());
    if (file == null || file.isEmpty()) {
      response.setStatus(400);
      return form(icb, model, "Choose a file to import");
    }
    ImportFormat chosen = format(format);
    Path copy;
    try (InputStream in = file.getInputStream()) {
      copy = spool.spool(in, maximumUpload);
    }
    ImportOutcome outcome =
        imports.importInBackground(
            icb.code(), copy, file.getOriginalFilename(), startedBy(), chosen);
    return "redirect:/workspaces/" + icb.code() + "/indicators/imports/" + outcome.record().id();
  }

  @GetMapping("/workspaces/{icbCode}/indicators/imports/{id}")
  String show(
      @PathVariable String icbCode,
      @PathVariable long id,
      Model model,
      HttpServletResponse response) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireView(icb.code());
    ImportRecord record =
        imports
            .find(icb.code(), id)
            .orElseThrow(() -> new NotFoundException("This workspace has no import " + id));
    if (!record.finished()) {
      // Refreshes without JavaScript, which the content security policy does not allow inline.
      response.setHeader("Refresh", "2");
    }
    model.addAttribute("icb", icb);
    model.addAttribute("record", record);
    model.addAttribute("problems", record.finished() ? imports.problems(id) : List.of());
    return IMPORT_VIEW;
  }

  private String form(IntegratedCareBoard icb, Model model, String error) {
    model.addAttribute("icb", icb);
    model.addAttribute("imports", imports.recent(icb.code(), RECENT));
    model.addAttribute("canEdit", access.canEdit(icb.code()));
    model.addAttribute("error", error);
    return LIST_VIEW;
  }

  /** Tidy, fingertips or xlsx; anything else (or nothing) means "work it out from the file". */
  static ImportFormat format(String format) {
    if (format == null) {
      return null;
    }
    return switch (format.strip().toLowerCase(Locale.ROOT)) {
      case "tidy" -> ImportFormat.TIDY_CSV;
      case "fingertips" -> ImportFormat.FINGERTIPS_CSV;
      case "xlsx" -> ImportFormat.XLSX;
      default -> null;
    };
  }

  private String startedBy() {
    return access.currentAccount().map(a -> a.email()).orElse("unknown");
  }
}
