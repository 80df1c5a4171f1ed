package org.fourthpurpose.indicator.importing;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.springframework.modulith.NamedInterface;

/**
 * Checks an uploaded workbook against the limits of what an import reads, streaming through its zip
 * entries and XML without keeping them, before a workbook reader (which holds shared strings and
 * whole rows in memory) ever sees it. A small file that unpacks to gigabytes, one row of millions
 * of cells or one enormous string is refused with the limit it broke, never read.
 *
 * <p>Other features that take workbooks (the anchor register's imports) use it through the {@code
 * workbook} named interface.
 */
@NamedInterface("workbook")
public final class WorkbookLimits {

  /** Columns read from any one row; the tidy layout has nine. */
  static final int MAXIMUM_CELLS_PER_ROW = 1_000;

  /** Rows of a sheet: a little over Excel's own limit of 1,048,576. */
  static final int MAXIMUM_ROWS = 1_100_000;

  /** Characters in one cell or shared string: Excel's own limit. */
  static final int MAXIMUM_TEXT_LENGTH = 32_767;

  /**
   * Characters of shared strings, which a reader keeps in memory all at once: a tidy workbook's
   * unique texts (codes, names, periods) are far fewer, as the same text is shared by every cell.
   */
  static final long MAXIMUM_SHARED_STRING_CHARACTERS = 8L * 1024 * 1024;

  /** Shared strings, for the same reason: each costs an object besides its characters. */
  static final int MAXIMUM_SHARED_STRINGS = 1_000_000;

  /** Bytes of the whole workbook once unpacked. */
  static final long MAXIMUM_UNPACKED_BYTES = 1024L * 1024 * 1024;

  /** Entries in the zip, and depth of XML elements. */
  static final int MAXIMUM_ENTRIES = 10_000;

  static final int MAXIMUM_DEPTH = 64;

  /**
   * Bytes between one angle bracket and the next in a sheet or the shared strings: a cell's longest
   * text, written with the widest escapes, fits several times over. An XML parser holds a whole
   * text or tag in memory before it reports it, so a longer one is refused before it is parsed.
   */
  static final int MAXIMUM_RUN_BYTES = 256 * 1024;

  private WorkbookLimits() {}

  /**
   * @throws ImportFileException naming the limit and where it was reached
   */
  public static void check(Path workbook, String file) {
    check(workbook, file, MAXIMUM_UNPACKED_BYTES);
  }

  /** The same, with another limit on the unpacked size (for tests). */
  static void check(Path workbook, String file, long maximumUnpackedBytes) {
    long[] unpacked = {0};
    int entries = 0;
    // Through the zip's central directory, as workbook readers do (some writers leave the sizes
    // in the entries' local headers empty); sizes are counted as unpacked, never trusted.
    try (ZipFile zip = new ZipFile(workbook.toFile())) {
      for (var each = zip.entries(); each.hasMoreElements(); ) {
        ZipEntry entry = each.nextElement();
        if (++entries > MAXIMUM_ENTRIES) {
          throw refuse(file, 0, "holds more than " + MAXIMUM_ENTRIES + " parts");
        }
        String name = entry.getName();
        try (InputStream counted =
            new Counted(zip.getInputStream(entry), unpacked, maximumUnpackedBytes, file)) {
          if (name.startsWith("xl/worksheets/") && name.endsWith(".xml")) {
            checkSheet(new RunLimit(counted, file), file);
          } else if (name.equals("xl/sharedStrings.xml")) {
            checkSharedStrings(new RunLimit(counted, file), file);
          } else {
            counted.transferTo(java.io.OutputStream.nullOutputStream());
          }
        }
      }
    } catch (IOException e) {
      throw refuse(file, 0, "is not an Excel workbook (.xlsx) that can be read: " + e.getMessage());
    }
    if (entries == 0) {
      throw refuse(file, 0, "is not an Excel workbook (.xlsx): it holds no parts");
    }
  }

  private static void checkSheet(InputStream sheet, String file) throws IOException {
    XMLStreamReader xml = open(sheet, file);
    try {
      long rows = 0;
      long row = 0;
      int cells = 0;
      int depth = 0;
      int textLength = 0;
      while (xml.hasNext()) {
        int event = xml.next();
        if (event == XMLStreamConstants.START_ELEMENT) {
          if (++depth > MAXIMUM_DEPTH) {
            throw refuse(file, row, "nests its XML more than " + MAXIMUM_DEPTH + " deep");
          }
          String name = xml.getLocalName();
          if (name.equals("row")) {
            if (++rows > MAXIMUM_ROWS) {
              throw refuse(file, row, "has more than " + MAXIMUM_ROWS + " rows");
            }
            String number = xml.getAttributeValue(null, "r");
            row = number == null ? row + 1 : parse(number, row + 1);
            cells = 0;
          } else if (name.equals("c") && ++cells > MAXIMUM_CELLS_PER_ROW) {
            throw refuse(
                file,
                row,
                "has more than "
                    + MAXIMUM_CELLS_PER_ROW
                    + " cells in one row; an import reads"
                    + " the tidy columns only");
          } else if (name.equals("v") || name.equals("t") || name.equals("f")) {
            textLength = 0;
          }
        } else if (event == XMLStreamConstants.END_ELEMENT) {
          depth--;
        } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
          textLength += xml.getTextLength();
          if (textLength > MAXIMUM_TEXT_LENGTH) {
            throw refuse(
                file, row, "has a cell longer than " + MAXIMUM_TEXT_LENGTH + " characters");
          }
        }
      }
    } catch (XMLStreamException e) {
      rethrowRefusal(e);
      throw refuse(file, 0, "has a sheet that is not well-formed XML: " + e.getMessage());
    } finally {
      close(xml);
    }
  }

  private static void checkSharedStrings(InputStream strings, String file) throws IOException {
    XMLStreamReader xml = open(strings, file);
    try {
      long total = 0;
      int current = 0;
      int count = 0;
      int depth = 0;
      while (xml.hasNext()) {
        int event = xml.next();
        if (event == XMLStreamConstants.START_ELEMENT) {
          if (++depth > MAXIMUM_DEPTH) {
            throw refuse(file, 0, "nests its shared strings more than " + MAXIMUM_DEPTH + " deep");
          }
          if (xml.getLocalName().equals("si")) {
            current = 0;
            if (++count > MAXIMUM_SHARED_STRINGS) {
              throw refuse(
                  file,
                  0,
                  "has more than "
                      + MAXIMUM_SHARED_STRINGS
                      + " different texts in its cells; split it into smaller files");
            }
          }
        } else if (event == XMLStreamConstants.END_ELEMENT) {
          depth--;
        } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
          current += xml.getTextLength();
          total += xml.getTextLength();
          if (current > MAXIMUM_TEXT_LENGTH) {
            throw refuse(file, 0, "has a text longer than " + MAXIMUM_TEXT_LENGTH + " characters");
          }
          if (total > MAXIMUM_SHARED_STRING_CHARACTERS) {
            throw refuse(
                file,
                0,
                "has more than "
                    + MAXIMUM_SHARED_STRING_CHARACTERS
                    + " characters of text in its cells; split it into smaller files");
          }
        }
      }
    } catch (XMLStreamException e) {
      rethrowRefusal(e);
      throw refuse(file, 0, "has shared strings that are not well-formed XML: " + e.getMessage());
    } finally {
      close(xml);
    }
  }

  private static XMLStreamReader open(InputStream in, String file) {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    // No DTDs and no external entities: a workbook has neither, and both can be abused.
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_COALESCING, false);
    try {
      return factory.createXMLStreamReader(in);
    } catch (XMLStreamException e) {
      throw refuse(file, 0, "has a part that is not XML: " + e.getMessage());
    }
  }

  /** A refusal thrown from inside the parser's reads, however the parser wrapped it. */
  private static void rethrowRefusal(XMLStreamException e) {
    Throwable cause = e.getNestedException() != null ? e.getNestedException() : e.getCause();
    for (int i = 0; cause != null && i < 10; i++, cause = cause.getCause()) {
      if (cause instanceof ImportFileException refusal) {
        throw refusal;
      }
    }
  }

  /** Counts the bytes since the last angle bracket and stops at {@link #MAXIMUM_RUN_BYTES}. */
  private static final class RunLimit extends FilterInputStream {
    private final String file;
    private int run;

    RunLimit(InputStream in, String file) {
      super(in);
      this.file = file;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        step(b);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      for (int i = 0; i < n; i++) {
        step(buffer[offset + i]);
      }
      return n;
    }

    private void step(int b) {
      if (b == '<' || b == '>') {
        run = 0;
      } else if (++run > MAXIMUM_RUN_BYTES) {
        throw refuse(
            file,
            0,
            "has one text or tag of more than "
                + MAXIMUM_RUN_BYTES
                + " bytes; a cell holds at most "
                + MAXIMUM_TEXT_LENGTH
                + " characters");
      }
    }
  }

  private static void close(XMLStreamReader xml) {
    try {
      xml.close();
    } catch (XMLStreamException e) {
      // Only the reader's own state; the zip stream is closed by its owner.
    }
  }

  private static long parse(String number, long otherwise) {
    try {
      return Long.parseLong(number);
    } catch (NumberFormatException e) {
      return otherwise;
    }
  }

  private static ImportFileException refuse(String file, long row, String problem) {
    return new ImportFileException(file, row, null, problem);
  }

  /** Counts what is unpacked from the zip and stops at the limit. */
  private static final class Counted extends FilterInputStream {
    private final long[] unpacked;
    private final long maximum;
    private final String file;

    Counted(InputStream in, long[] unpacked, long maximum, String file) {
      super(in);
      this.unpacked = unpacked;
      this.maximum = maximum;
      this.file = file;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        add(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        add(n);
      }
      return n;
    }

    private void add(long n) {
      unpacked[0] += n;
      if (unpacked[0] > maximum) {
        throw refuse(file, 0, "unpacks to more than " + maximum / (1024 * 1024) + " MB");
      }
    }
  }
}
