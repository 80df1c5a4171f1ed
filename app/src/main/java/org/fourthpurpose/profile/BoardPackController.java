package org.fourthpurpose.profile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.fourthpurpose.web.NeedsReferenceData;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * An ICS's Step 1 board pack as a printable page and as a PDF. Both carry an ETag and are kept
 * between requests, so a pack opened by a whole board is rendered once.
 */
@Tag(name = "Profiles")
@NeedsReferenceData({"indicators", "peer-groups"})
@RestController
class BoardPackController {

  private final BoardPacks packs;

  BoardPackController(BoardPacks packs) {
    this.packs = packs;
  }

  @Operation(
      summary = "An ICS's Step 1 board pack as a printable page",
      responses =
          @ApiResponse(
              responseCode = "200",
              content = @Content(mediaType = "text/html", schema = @Schema(type = "string"))))
  @GetMapping(value = "/ics/{code}/board-pack", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<byte[]> html(
      @Parameter(description = "ODS (QYG) or ONS (E54000008) code", example = "QYG") @PathVariable
          String code,
      @Parameter(description = "england, region, neighbours or group-<id> of a published group")
          @RequestParam(defaultValue = "england")
          String comparator,
      @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch,
      HttpServletRequest request) {
    BoardPacks.Rendered pack = packs.html(code, comparator, request.getContextPath());
    return respond(pack, ifNoneMatch, MediaType.parseMediaType("text/html;charset=UTF-8"), null);
  }

  @Operation(
      summary = "An ICS's Step 1 board pack as a PDF (A4 portrait)",
      responses =
          @ApiResponse(
              responseCode = "200",
              content =
                  @Content(
                      mediaType = "application/pdf",
                      schema = @Schema(type = "string", format = "binary"))))
  @GetMapping("/ics/{code}/board-pack.pdf")
  ResponseEntity<byte[]> pdf(
      @Parameter(description = "ODS (QYG) or ONS (E54000008) code", example = "QYG") @PathVariable
          String code,
      @Parameter(description = "england, region, neighbours or group-<id> of a published group")
          @RequestParam(defaultValue = "england")
          String comparator,
      @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
    BoardPacks.Rendered pack = packs.pdf(code, comparator);
    String name =
        "board-pack-"
            + code.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "")
            + "-"
            + ProfileComparators.parse(comparator).key()
            + ".pdf";
    return respond(pack, ifNoneMatch, MediaType.APPLICATION_PDF, name);
  }

  private static ResponseEntity<byte[]> respond(
      BoardPacks.Rendered pack, String ifNoneMatch, MediaType type, String attachment) {
    if (pack.etag().equals(ifNoneMatch)) {
      return ResponseEntity.status(HttpStatus.NOT_MODIFIED)
          .eTag(pack.etag())
          .cacheControl(CacheControl.noCache())
          .build();
    }
    ResponseEntity.BodyBuilder ok =
        ResponseEntity.ok()
            .contentType(type)
            .eTag(pack.etag())
            .cacheControl(CacheControl.noCache());
    if (attachment != null) {
      ok.header(
          HttpHeaders.CONTENT_DISPOSITION,
          ContentDisposition.attachment().filename(attachment).build().toString());
    }
    return ok.body(pack.body());
  }
}
