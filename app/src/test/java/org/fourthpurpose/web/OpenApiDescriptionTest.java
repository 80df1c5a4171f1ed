package org.fourthpurpose.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

class OpenApiDescriptionTest {

  @Test
  @SuppressWarnings("unchecked")
  void isValidYamlDescribingTheContractPaths() throws Exception {
    try (InputStream in = getClass().getResourceAsStream("/openapi/openapi.yaml")) {
      Map<String, Object> document = new Yaml().load(in);
      assertThat(document.get("openapi")).isEqualTo("3.1.0");
      Map<String, Object> paths = (Map<String, Object>) document.get("paths");
      assertThat(paths)
          .containsKeys(
              "/api/v1/icbs",
              "/api/v1/deprivation/summaries",
              "/api/v1/statistics/{method}",
              "/api/v1/indicators");
    }
  }
}
