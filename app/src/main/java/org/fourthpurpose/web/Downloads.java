package org.fourthpurpose.web;

import org.fourthpurpose.csv.CsvText;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Responses for downloadable files. */
public final class Downloads {

  private Downloads() {}

  public static final MediaType TEXT_CSV =
      new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

  public static ResponseEntity<String> csv(CsvText csv, String filename) {
    return ResponseEntity.ok()
        .contentType(TEXT_CSV)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(filename).build().toString())
        .body(csv.toString());
  }
}
