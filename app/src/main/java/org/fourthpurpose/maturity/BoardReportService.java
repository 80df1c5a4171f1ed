package org.fourthpurpose.maturity;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.fourthpurpose.account.WorkspaceAccess;
import org.fourthpurpose.csv.CsvText;
import org.fourthpurpose.geography.Geography;
import org.fourthpurpose.geography.IntegratedCareBoard;
import org.fourthpurpose.web.PdfDocuments;
import org.springframework.stereotype.Service;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/** The board report of a round as a page model and a PDF, and the raw ratings as CSV and Excel. */
@Service
public class BoardReportService {

  static final String TEMPLATE = "maturity/report";
  private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

  private final AssessmentService assessments;
  private final ModerationService moderation;
  private final MilestoneService milestones;
  private final ProgressService progress;
  private final RoundStore store;
  private final WorkspaceAccess access;
  private final Geography geography;
  private final ITemplateEngine templates;

  BoardReportService(
      AssessmentService assessments,
      ModerationService moderation,
      MilestoneService milestones,
      ProgressService progress,
      RoundStore store,
      WorkspaceAccess access,
      Geography geography,
      ITemplateEngine templates) {
    this.assessments = assessments;
    this.moderation = moderation;
    this.milestones = milestones;
    this.progress = progress;
    this.store = store;
    this.access = access;
    this.geography = geography;
    this.templates = templates;
  }

  public BoardReport report(String icbCode, long roundId) {
    access.requireView(icbCode);
    AssessmentRound round = assessments.existing(icbCode, roundId);
    ModerationView view = moderation.view(store.scope(round));
    List<AssessmentRound> upToThis =
        store.rounds(icbCode).stream()
            .filter(r -> !r.openedAt().isAfter(round.openedAt()))
            .toList();
    String name = geography.icb(icbCode).map(IntegratedCareBoard::shortName).orElse(icbCode);
    return new BoardReport(
        name,
        view,
        progress.progressOf(upToThis),
        milestones.milestonesOf(round.id()),
        milestones.today());
  }

  /**
   * A rendered report, kept until the round's revision or the date changes. Reports are read far
   * more often than rounds change (a board pack is opened by many), and rendering 30 assessors'
   * evidence is the expensive part.
   */
  private record Rendered(long roundId, long revision, java.time.LocalDate day, String variant) {}

  private final Map<Rendered, Object> rendered = new java.util.concurrent.ConcurrentHashMap<>();

  private Object cached(
      String icbCode,
      long roundId,
      String variant,
      java.util.function.Function<BoardReport, Object> render) {
    access.requireView(icbCode);
    AssessmentRound round = assessments.existing(icbCode, roundId);
    Rendered key =
        new Rendered(round.id(), store.revision(round.id()), milestones.today(), variant);
    Object hit = rendered.get(key);
    if (hit != null) {
      return hit;
    }
    Object value = render.apply(report(icbCode, roundId));
    if (rendered.size() > 200) {
      rendered.clear();
    }
    rendered.put(key, value);
    return value;
  }

  /** The printable page: the report template as HTML, with links under the context path. */
  public String html(String icbCode, long roundId, String contextPath) {
    return (String)
        cached(icbCode, roundId, "html" + contextPath, r -> render(r, false, contextPath));
  }

  private String render(BoardReport report, boolean forPdf, String contextPath) {
    Context context = new Context(Locale.UK);
    context.setVariable("report", report);
    context.setVariable("forPdf", forPdf);
    context.setVariable("contextPath", contextPath);
    context.setVariable("levels", MaturityLevel.values());
    return templates.process(TEMPLATE, context);
  }

  /** Renders the report template (well-formed XHTML) to PDF. */
  public byte[] pdf(String icbCode, long roundId) {
    return (byte[]) cached(icbCode, roundId, "pdf", this::renderPdf);
  }

  private byte[] renderPdf(BoardReport report) {
    return PdfDocuments.render(render(report, true, ""), false, "The board report");
  }

  static final List<String> HEADERS =
      List.of(
          "round",
          "domain",
          "area_id",
          "area",
          "assessor",
          "organisation",
          "personal_link",
          "submitted_at",
          "level",
          "fulfilment",
          "confidence",
          "evidence",
          "evidence_links",
          "version",
          "updated_at");

  /** Every rating of the round, one row per assessor and area (blank level when not rated). */
  List<List<String>> rows(String icbCode, long roundId) {
    access.requireView(icbCode);
    ModerationView view = moderation.view(store.scope(assessments.existing(icbCode, roundId)));
    String round = view.scope().round().name();
    return view.areas().stream()
        .flatMap(
            area ->
                area.ratings().stream()
                    .map(
                        r -> {
                          Assessor a = r.assessor();
                          Rating g = r.rating().orElse(null);
                          return List.of(
                              round,
                              area.domain().title(),
                              area.area().id(),
                              area.area().title(),
                              a.displayName(),
                              a.organisation(),
                              String.valueOf(a.personalLink()),
                              a.submittedAt() == null ? "" : TIMESTAMP.format(a.submittedAt()),
                              g == null ? "" : g.level().code(),
                              g == null || g.fulfilment() == null ? "" : g.fulfilment().code(),
                              g == null || g.confidence() == null ? "" : g.confidence().code(),
                              g == null ? "" : g.evidence(),
                              g == null ? "" : String.join(" ", g.evidenceLinks()),
                              g == null ? "" : String.valueOf(g.version()),
                              g == null ? "" : TIMESTAMP.format(g.updatedAt()));
                        }))
        .toList();
  }

  public byte[] csv(String icbCode, long roundId) {
    CsvText csv = new CsvText().row(HEADERS);
    rows(icbCode, roundId).forEach(csv::row);
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }

  public byte[] xlsx(String icbCode, long roundId) {
    List<List<String>> rows = rows(icbCode, roundId);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream stream = out) {
      Workbook workbook = new Workbook(stream, "Fourth Purpose", "1.0");
      Worksheet sheet = workbook.newWorksheet("Ratings");
      for (int c = 0; c < HEADERS.size(); c++) {
        sheet.value(0, c, HEADERS.get(c));
        sheet.style(0, c).bold().set();
      }
      for (int r = 0; r < rows.size(); r++) {
        List<String> row = rows.get(r);
        for (int c = 0; c < row.size(); c++) {
          sheet.value(r + 1, c, CsvText.defuse(row.get(c)));
        }
      }
      workbook.finish();
    } catch (IOException e) {
      throw new UncheckedIOException("The ratings workbook could not be written", e);
    }
    return out.toByteArray();
  }

  static Map<String, String> contentTypes() {
    return Map.of(
        "pdf", "application/pdf",
        "csv", "text/csv;charset=UTF-8",
        "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  }
}
