package org.fourthpurpose.impact.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.fourthpurpose.audit.AuditLog;
import org.fourthpurpose.csv.CsvText;
import org.fourthpurpose.geography.Geography;
import org.fourthpurpose.geography.IntegratedCareBoard;
import org.fourthpurpose.impact.measure.MeasureAnalysis;
import org.fourthpurpose.impact.measure.MeasureView;
import org.fourthpurpose.impact.measure.Measures;
import org.fourthpurpose.impact.measure.Numbers;
import org.fourthpurpose.impact.measure.Rebase;
import org.fourthpurpose.web.PdfDocuments;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The impact report of a workspace as a printable page and a PDF; issuing it (keeping what it said,
 * so the next report can say what changed since, and why); and the measures with their SPC results
 * as CSV and Excel, formulas defused. The caller checks the person's access.
 */
@Service
public class ImpactReports {

  static final String TEMPLATE = "impact/report";
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

  private final Measures measures;
  private final ReportStore store;
  private final Geography geography;
  private final ITemplateEngine templates;
  private final AuditLog audit;
  private final TransactionTemplate transaction;
  private final Clock clock;

  ImpactReports(
      Measures measures,
      ReportStore store,
      Geography geography,
      ITemplateEngine templates,
      AuditLog audit,
      TransactionTemplate transaction,
      Clock clock) {
    this.measures = measures;
    this.store = store;
    this.geography = geography;
    this.templates = templates;
    this.audit = audit;
    this.transaction = transaction;
    this.clock = clock;
  }

  public ImpactReport report(String icbCode) {
    List<Measures.Analysed> analysed = measures.analysed(icbCode);
    List<MeasureView> views = analysed.stream().map(MeasureView::of).toList();
    ReportStore.Issued last = store.latest(icbCode).orElse(null);
    List<ImpactReport.Change> changes = last == null ? List.of() : changes(analysed, last);
    String name = geography.icb(icbCode).map(IntegratedCareBoard::shortName).orElse(icbCode);
    return new ImpactReport(
        icbCode, name, LocalDate.now(clock), views, last, changes, store.issued(icbCode).size());
  }

  /** What changed about each measure since the last report, and the reasons on record. */
  List<ImpactReport.Change> changes(List<Measures.Analysed> now, ReportStore.Issued last) {
    Map<Long, ReportStore.Snapshot> before = new HashMap<>();
    store.snapshots(last.id()).forEach(s -> before.put(s.measureId(), s));
    List<ImpactReport.Change> changes = new ArrayList<>();
    for (Measures.Analysed a : now) {
      ReportStore.Snapshot was = before.remove(a.measure().id());
      ReportStore.Snapshot is = snapshot(a);
      List<String> what = new ArrayList<>();
      List<String> why = new ArrayList<>();
      String unit = a.measure().unit();
      if (was == null) {
        what.add("New since the last report.");
      } else {
        if (!same(was.latestPeriod(), is.latestPeriod())
            || !same(was.latestValue(), is.latestValue())) {
          what.add("Latest value " + value(was, unit) + " then, " + value(is, unit) + " now.");
        }
        if (!same(was.variation(), is.variation())) {
          what.add(
              "Variation was "
                  + variation(was.variation())
                  + ", now "
                  + variation(is.variation())
                  + ".");
        }
        if (!same(was.assurance(), is.assurance())) {
          what.add(
              "Assurance was "
                  + assurance(was.assurance())
                  + ", now "
                  + assurance(is.assurance())
                  + ".");
        }
        if (!same(was.linkStatus(), is.linkStatus()) && is.linkLabel() != null) {
          why.add(
              is.linkLabel()
                  + " moved from "
                  + (was.linkStatus() == null ? "no status" : was.linkStatus())
                  + " to "
                  + (is.linkStatus() == null ? "no status" : is.linkStatus())
                  + ".");
        }
      }
      for (Rebase r : a.rebases()) {
        if (r.createdAt().isAfter(last.createdAt())) {
          why.add(
              "Rebased from "
                  + MeasureAnalysis.when(r.date())
                  + ": "
                  + r.reason()
                  + (r.reason().endsWith(".") ? "" : "."));
        }
      }
      if (was != null && is.rebases() < was.rebases()) {
        what.add((was.rebases() - is.rebases()) + " rebase(s) removed since the last report.");
      }
      if (!what.isEmpty() || !why.isEmpty()) {
        changes.add(new ImpactReport.Change(a.measure().id(), a.measure().name(), what, why));
      }
    }
    for (ReportStore.Snapshot gone : before.values()) {
      changes.add(
          new ImpactReport.Change(
              gone.measureId(), gone.name(), List.of("Removed since the last report."), List.of()));
    }
    return changes;
  }

  private static String value(ReportStore.Snapshot s, String unit) {
    return s.latestValue() == null
        ? "none"
        : Numbers.format(s.latestValue(), unit)
            + " ("
            + MeasureAnalysis.when(s.latestPeriod())
            + ")";
  }

  static String variation(String code) {
    if (code == null) {
      return "not enough values to tell";
    }
    return code.replace('_', ' ');
  }

  static String assurance(String code) {
    if (code == null) {
      return "none (no target, or too few values)";
    }
    return code.replace('_', ' ');
  }

  private static boolean same(Object a, Object b) {
    return a == null ? b == null : a.equals(b);
  }

  static ReportStore.Snapshot snapshot(Measures.Analysed a) {
    MeasureAnalysis.Point latest = a.analysis().latest();
    return new ReportStore.Snapshot(
        a.measure().id(),
        a.measure().name(),
        latest == null ? null : latest.date(),
        latest == null ? null : latest.value(),
        a.analysis().variation(),
        a.analysis().assurance(),
        a.rebases().size(),
        a.link() == null ? null : a.link().label(),
        a.link() == null ? null : a.link().status());
  }

  /** Keeps what the report says now, so the next one compares with it. */
  public long issue(String icbCode, String actor) {
    List<Measures.Analysed> analysed = measures.analysed(icbCode);
    Instant now = Instant.now(clock);
    String title = "Impact report of " + DAY.format(LocalDate.now(clock));
    return transaction.execute(
        s -> {
          long id =
              store.issue(
                  icbCode,
                  title,
                  actor,
                  now,
                  analysed.stream().map(ImpactReports::snapshot).toList());
          audit.recordAs(
              actor,
              icbCode,
              "impact-report.issued",
              "impact report " + id,
              null,
              analysed.size() + " measures");
          return id;
        });
  }

  // Rendering

  /** The printable page: the report template as HTML, links under the context path. */
  public String html(
      String icbCode, String contextPath, boolean canEdit, String csrfName, String csrfToken) {
    return render(report(icbCode), false, contextPath, canEdit, csrfName, csrfToken);
  }

  String render(
      ImpactReport report,
      boolean forPdf,
      String contextPath,
      boolean canEdit,
      String csrfName,
      String csrfToken) {
    Context context = new Context(Locale.UK);
    context.setVariable("report", report);
    context.setVariable("forPdf", forPdf);
    context.setVariable("contextPath", contextPath);
    context.setVariable("canEdit", canEdit && !forPdf);
    context.setVariable("csrfName", csrfName);
    context.setVariable("csrfToken", csrfToken);
    context.setVariable("produced", DAY.format(report.produced()));
    context.setVariable(
        "lastIssued",
        report.lastIssued() == null
            ? null
            : DAY.format(report.lastIssued().createdAt().atZone(clock.getZone()).toLocalDate()));
    return templates.process(TEMPLATE, context);
  }

  public byte[] pdf(String icbCode) {
    return PdfDocuments.render(
        withSvgStyles(render(report(icbCode), true, "", false, null, null)),
        true,
        "The impact report");
  }

  /**
   * The SPC chart and icon colours for Batik, which draws each SVG on its own without the page's
   * stylesheet: the same as {@code _spc.scss}.
   */
  static final String SVG_STYLE =
      "<style type=\"text/css\">"
          + "text{font-family:Helvetica,Arial,sans-serif;font-size:11px;fill:#212b32}"
          + ".fp-chart__axis line{stroke:#4c6272;stroke-width:1px}"
          + ".fp-chart__gridline{stroke:#d8dde0;stroke-width:1px}"
          + ".fp-chart__note{fill:#4c6272}"
          + ".fp-spc__line{fill:none;stroke:#768692;stroke-width:1.5px}"
          + ".fp-spc__mean{stroke:#212b32;stroke-width:1.5px}"
          + ".fp-spc__limit{stroke:#4c6272;stroke-width:1.5px;stroke-dasharray:5 3}"
          + ".fp-spc__target{stroke:#d5281b;stroke-width:2px;stroke-dasharray:10 4}"
          + ".fp-spc__break{stroke:#212b32;stroke-width:1.5px;stroke-dasharray:2 3}"
          + ".fp-spc__point{stroke:#212b32;stroke-width:1px}"
          + ".fp-spc__point--common{fill:#768692;stroke:none}"
          + ".fp-spc__point--improvement{fill:#005eb8}"
          + ".fp-spc__point--concern{fill:#ed8b00}"
          + ".fp-spc__point--high,.fp-spc__point--low{fill:#330072}"
          + ".fp-mdc__ring{fill:#ffffff;stroke:#768692;stroke-width:3px}"
          + ".fp-mdc__glyph{fill:none;stroke:#768692;stroke-width:2px}"
          + ".fp-mdc__target{stroke:#d5281b;stroke-width:2px;stroke-dasharray:4 2}"
          + ".fp-mdc__letter{font-size:15px;font-weight:bold;fill:#212b32}"
          + ".fp-mdc--improvement .fp-mdc__ring,.fp-mdc--pass .fp-mdc__ring{stroke:#005eb8}"
          + ".fp-mdc--improvement .fp-mdc__glyph{stroke:#005eb8}"
          + ".fp-mdc--concern .fp-mdc__ring,.fp-mdc--fail .fp-mdc__ring{stroke:#ed8b00}"
          + ".fp-mdc--concern .fp-mdc__glyph{stroke:#ed8b00}"
          + ".fp-mdc--neutral .fp-mdc__ring,.fp-mdc--neutral .fp-mdc__glyph{stroke:#330072}"
          + "</style>";

  static String withSvgStyles(String html) {
    return html.replaceAll("(<svg\\b[^>]*>)", "$1" + SVG_STYLE);
  }

  // Downloads

  /** One row per charted value of every measure, with the measure's fields and its SPC results. */
  record SpcRow(
      long measureId,
      String measure,
      String unit,
      String improvement,
      Double target,
      LocalDate targetDate,
      String linkKind,
      String linkKey,
      String linkLabel,
      LocalDate period,
      String label,
      Double value,
      Double mean,
      Double lpl,
      Double upl,
      Integer rebaseGroup,
      String pointType,
      String rule,
      String variationType,
      String assuranceType,
      String reading) {}

  List<SpcRow> rows(String icbCode) {
    List<SpcRow> rows = new ArrayList<>();
    for (Measures.Analysed a : measures.analysed(icbCode)) {
      var m = a.measure();
      var r = a.analysis();
      String label = a.link() == null ? null : a.link().label();
      if (r.points().isEmpty()) {
        rows.add(
            new SpcRow(
                m.id(),
                m.name(),
                m.unit(),
                m.improvement(),
                m.target(),
                m.targetDate(),
                m.linkKind(),
                m.linkKey(),
                label,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                r.variation(),
                r.assurance(),
                r.sentence()));
      }
      for (MeasureAnalysis.Point p : r.points()) {
        rows.add(
            new SpcRow(
                m.id(),
                m.name(),
                m.unit(),
                m.improvement(),
                m.target(),
                m.targetDate(),
                m.linkKind(),
                m.linkKey(),
                label,
                p.date(),
                p.label(),
                p.value(),
                finite(p.mean()),
                finite(p.lpl()),
                finite(p.upl()),
                p.group(),
                p.pointType(),
                p.rule(),
                r.variation(),
                r.assurance(),
                r.sentence()));
      }
    }
    return rows;
  }

  public byte[] csv(String icbCode) {
    CsvText csv = new CsvText().header(SpcRow.class);
    rows(icbCode).forEach(csv::record);
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }

  public byte[] xlsx(String icbCode) {
    List<SpcRow> rows = rows(icbCode);
    List<String> headers = CsvText.columns(SpcRow.class);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream stream = out) {
      Workbook workbook = new Workbook(stream, "Fourth Purpose", "1.0");
      Worksheet sheet = workbook.newWorksheet("SPC results");
      for (int c = 0; c < headers.size(); c++) {
        sheet.value(0, c, headers.get(c));
        sheet.style(0, c).bold().set();
      }
      for (int r = 0; r < rows.size(); r++) {
        List<Object> values = CsvText.values(rows.get(r));
        for (int c = 0; c < values.size(); c++) {
          Object v = values.get(c);
          if (v == null) {
            continue;
          }
          if (v instanceof Number n) {
            sheet.value(r + 1, c, n);
          } else {
            sheet.value(r + 1, c, CsvText.defuse(v.toString()));
          }
        }
      }
      workbook.finish();
    } catch (IOException e) {
      throw new UncheckedIOException("The measures workbook could not be written", e);
    }
    return out.toByteArray();
  }

  private static Double finite(double v) {
    return Double.isFinite(v) ? v : null;
  }
}
