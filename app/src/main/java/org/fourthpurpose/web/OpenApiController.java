package org.fourthpurpose.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Serves the hand-written OpenAPI description of the public API. */
@RestController
class OpenApiController {

  private final String description;

  OpenApiController() throws IOException {
    try (InputStream in = new ClassPathResource("openapi/openapi.yaml").getInputStream()) {
      this.description = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @GetMapping("/api/v1/openapi.yaml")
  ResponseEntity<String> openApi() {
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType("application/yaml"))
        .body(description);
  }
}
