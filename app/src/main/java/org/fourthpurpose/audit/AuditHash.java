package org.fourthpurpose.audit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * The hash that chains audit entries: SHA-256, in lower-case hex, over a canonical encoding of all
 * of an entry's fields, the previous entry's hash among them, so that changing, removing or
 * inserting an entry breaks the chain from there on.
 *
 * <p>The encoding is the line {@code fourth-purpose-audit-1}, then one line per field in this
 * order: sequence, occurredAt, actor, icbCode, action, subject, before, after, previousHash. A
 * field is written as its length in UTF-8 bytes, a colon and its UTF-8 bytes; a null field as a
 * single {@code -}. Every line ends with {@code \n}. The length makes the encoding unambiguous
 * whatever the text holds. The sequence is written in decimal and the time as {@link #time} gives
 * it, always with six decimals, e.g. {@code 2026-05-01T09:30:00.250000Z}; the CSV export shows the
 * fields exactly so, so anyone can recompute the hashes from it.
 *
 * <pre>{@code
 * fourth-purpose-audit-1
 * 1:7
 * 27:2026-05-01T09:30:00.250000Z
 * 15:ada@example.org
 * -
 * ...
 * }</pre>
 */
public final class AuditHash {

  /** The previous hash of the first entry. */
  public static final String GENESIS = "0".repeat(64);

  private static final byte[] HEADER =
      "fourth-purpose-audit-1\n".getBytes(StandardCharsets.US_ASCII);

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  private AuditHash() {}

  /** The hash of an entry with these fields. */
  public static String of(
      long sequence,
      Instant occurredAt,
      String actor,
      String icbCode,
      String action,
      String subject,
      String before,
      String after,
      String previousHash) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    out.writeBytes(HEADER);
    for (String field :
        new String[] {
          Long.toString(sequence),
          time(occurredAt),
          actor,
          icbCode,
          action,
          subject,
          before,
          after,
          previousHash
        }) {
      write(out, field);
    }
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(out.toByteArray()));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A time as the encoding and the CSV export write it: UTC, always six decimals. */
  public static String time(Instant instant) {
    return instant == null ? null : TIME.format(instant);
  }

  private static void write(ByteArrayOutputStream out, String field) {
    if (field == null) {
      out.write('-');
    } else {
      byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
      out.writeBytes(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
      out.write(':');
      out.writeBytes(bytes);
    }
    out.write('\n');
  }
}
