package org.fourthpurpose.backup;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.fourthpurpose.geography.Geography;
import org.fourthpurpose.geography.IntegratedCareBoard;
import org.fourthpurpose.web.ConflictException;
import org.fourthpurpose.web.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The workspace's "Back up and restore" page: download a backup, or upload one to replace all of
 * the workspace's data, after saying so in a checkbox.
 */
@Controller
class BackupPageController {

  static final String VIEW = "backup/backup";

  /** What the people restoring call each part and section (the backup's names are for scripts). */
  static final Map<String, String> LABELS =
      Map.ofEntries(
          Map.entry("indicators", "Local data"),
          Map.entry("localIndicators", "Local indicators"),
          Map.entry("imports", "Imports"),
          Map.entry("importProblems", "Problems found in rejected files"),
          Map.entry("values", "Imported values"),
          Map.entry("maturity", "Maturity assessment"),
          Map.entry("localAreas", "Areas of focus the system added"),
          Map.entry("localAreaLevels", "Their level descriptions"),
          Map.entry("rounds", "Assessment rounds"),
          Map.entry("roundAreas", "Areas in the rounds' scope"),
          Map.entry("assessors", "Assessors"),
          Map.entry("ratings", "Ratings"),
          Map.entry("agreements", "Agreed levels"),
          Map.entry("milestones", "Milestones"),
          Map.entry("sharing", "Benchmark sharing choice"),
          Map.entry("memberships", "Members"),
          Map.entry("members", "Members and their roles"),
          Map.entry("peer-groups", "Groups of systems"),
          Map.entry("groups", "Saved groups"));

  private final WorkspaceBackups backups;
  private final BackupAccess access;
  private final Geography geography;
  private final Clock clock;

  BackupPageController(
      WorkspaceBackups backups, BackupAccess access, Geography geography, Clock clock) {
    this.backups = backups;
    this.access = access;
    this.geography = geography;
    this.clock = clock;
  }

  /** The name a downloaded backup gets, e.g. {@code workspace-E54000008-2026-11-30.json.gz}. */
  static String fileName(String icbCode, Clock clock) {
    return "workspace-"
        + icbCode
        + "-"
        + LocalDate.now(clock.withZone(ZoneOffset.UTC))
        + ".json.gz";
  }

  @GetMapping("/workspaces/{icbCode}/backup")
  String page(@PathVariable String icbCode, Model model) {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireAdminister(icb.code());
    return show(icb, model);
  }

  private String show(IntegratedCareBoard icb, Model model) {
    model.addAttribute("icb", icb);
    model.addAttribute("parts", backups.partNames());
    model.addAttribute("labels", LABELS);
    model.addAttribute("maximumMegabytes", backups.limits().maxUploadBytes() / (1024 * 1024));
    return VIEW;
  }

  @GetMapping("/workspaces/{icbCode}/backup.json.gz")
  void download(@PathVariable String icbCode, HttpServletResponse response) throws IOException {
    String code = geography.requireIcb(icbCode).code();
    access.requireAdminister(code);
    Path backup = backups.export(code);
    try {
      response.setContentType("application/gzip");
      response.setContentLengthLong(Files.size(backup));
      response.setHeader("Cache-Control", "no-store");
      response.setHeader(
          "Content-Disposition", "attachment; filename=\"" + fileName(code, clock) + "\"");
      try (OutputStream out = response.getOutputStream()) {
        Files.copy(backup, out);
      }
    } finally {
      WorkspaceBackups.deleteQuietly(backup);
    }
  }

  @PostMapping("/workspaces/{icbCode}/backup")
  String restore(
      @PathVariable String icbCode,
      @RequestParam(required = false) MultipartFile file,
      @RequestParam(defaultValue = "false") boolean confirm,
      @RequestParam(defaultValue = "false") boolean confirmOtherIcs,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect)
      throws IOException {
    IntegratedCareBoard icb = geography.requireIcb(icbCode);
    access.requireAdminister(icb.code());
    if (file == null || file.isEmpty()) {
      return problem(icb, model, response, "file", "Choose a backup file to restore");
    }
    if (!confirm) {
      return problem(
          icb,
          model,
          response,
          "confirm",
          "Confirm that you want to replace all of this workspace's data with the backup");
    }
    Path upload;
    try (InputStream in = file.getInputStream()) {
      upload = Spool.toTemporaryFile(in, backups.limits().maxUploadBytes());
    }
    try {
      RestoreResult result =
          backups.restore(icb.code(), upload, file.getOriginalFilename(), confirmOtherIcs);
      redirect.addFlashAttribute("result", result);
      return "redirect:/workspaces/" + icb.code() + "/backup";
    } catch (InvalidInputException e) {
      if ("other-ics-backup".equals(e.type())) {
        model.addAttribute("otherIcs", e.value());
        return problem(icb, model, response, "confirmOtherIcs", e.getMessage());
      }
      return problem(icb, model, response, "file", describe(e));
    } catch (ConflictException e) {
      response.setStatus(409);
      model.addAttribute("errorField", "file");
      model.addAttribute("error", e.getMessage());
      return show(icb, model);
    } finally {
      WorkspaceBackups.deleteQuietly(upload);
    }
  }

  private static String describe(InvalidInputException e) {
    if (e.location() == null || e.location().line() == null) {
      return e.getMessage();
    }
    return e.getMessage()
        + " (line "
        + e.location().line()
        + (e.location().column() == null ? "" : ", column " + e.location().column())
        + ")";
  }

  private String problem(
      IntegratedCareBoard icb,
      Model model,
      HttpServletResponse response,
      String field,
      String message) {
    response.setStatus(400);
    model.addAttribute("errorField", field);
    model.addAttribute("error", message);
    return show(icb, model);
  }
}
