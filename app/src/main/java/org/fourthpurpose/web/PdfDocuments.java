package org.fourthpurpose.web;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.regex.Pattern;

/**
 * The one way the product turns a page (well-formed XHTML from a Thymeleaf template) into a PDF:
 * the board pack, the maturity board report, the impact report and the plan. Text people typed may
 * hold characters XML 1.0 cannot carry (control characters; NUL is refused on the way in, but a
 * U+0001 in a JSON body is not): they are left out of the PDF, which would otherwise fail to render
 * and answer 500.
 */
public final class PdfDocuments {

  private static final Pattern NOT_XML =
      Pattern.compile("[^\\x09\\x0A\\x0D\\x20-\\x{D7FF}\\x{E000}-\\x{FFFD}\\x{10000}-\\x{10FFFF}]");

  private PdfDocuments() {}

  /** The text without the characters XML 1.0 cannot carry. */
  static String xmlSafe(String text) {
    return NOT_XML.matcher(text).replaceAll("");
  }

  /**
   * Renders XHTML as a PDF; {@code svg} draws inline SVG charts (Batik). {@code what} names the
   * document in the error if rendering fails.
   */
  public static byte[] render(String xhtml, boolean svg, String what) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder.useFastMode();
      if (svg) {
        builder.useSVGDrawer(new BatikSVGDrawer());
      }
      builder.withHtmlContent(xmlSafe(xhtml), "/");
      builder.withProducer("Fourth Purpose");
      builder.toStream(out);
      builder.run();
    } catch (IOException e) {
      throw new UncheckedIOException(what + " could not be rendered as a PDF", e);
    }
    return out.toByteArray();
  }
}
