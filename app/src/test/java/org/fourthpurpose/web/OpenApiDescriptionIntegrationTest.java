package org.fourthpurpose.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.fourthpurpose.ApiContract;
import org.fourthpurpose.ApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Controller;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.json.JsonMapper;

/**
 * The generated OpenAPI description: served to anyone as YAML and JSON, complete (every endpoint a
 * controller maps under {@code /api/} is in it) and still describing the published contract.
 */
@ApplicationTest
class OpenApiDescriptionIntegrationTest {

  @Autowired MockMvc mvc;

  @LocalServerPort int port;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping handlers;

  private String fetch(String path) throws Exception {
    return mvc.perform(get(path))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        // YAML and JSON are UTF-8; the response names no charset, which MockMvc would read as
        // ISO-8859-1.
        .getContentAsString(StandardCharsets.UTF_8);
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> yaml() throws Exception {
    return (Map<String, Object>) new Yaml().load(fetch("/api/v1/openapi.yaml"));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object node, String... keys) {
    Object current = node;
    for (String key : keys) {
      assertThat(current).as("parent of %s", key).isInstanceOf(Map.class);
      current = ((Map<String, Object>) current).get(key);
    }
    assertThat(current).as(String.join(" > ", keys)).isInstanceOf(Map.class);
    return (Map<String, Object>) current;
  }

  @Test
  void servesTheSameDescriptionAsYamlAndJsonWithoutAnAccount() throws Exception {
    // Over the real port, so the .json address's forward and the security chain both run.
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> yamlResponse = anonymousGet(http, "/api/v1/openapi.yaml");
    HttpResponse<String> jsonResponse = anonymousGet(http, "/api/v1/openapi.json");
    assertThat(yamlResponse.statusCode()).isEqualTo(200);
    assertThat(yamlResponse.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/vnd.oai.openapi"));
    assertThat(jsonResponse.statusCode()).isEqualTo(200);
    assertThat(jsonResponse.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    @SuppressWarnings("unchecked")
    Map<String, Object> yaml = (Map<String, Object>) new Yaml().load(yamlResponse.body());
    @SuppressWarnings("unchecked")
    Map<String, Object> json =
        JsonMapper.builder().build().readValue(jsonResponse.body(), Map.class);

    assertThat(yaml.get("openapi")).isEqualTo("3.1.0");
    assertThat(map(yaml, "info").get("title")).isEqualTo("Fourth Purpose API");
    assertThat(map(yaml, "info").get("version")).isEqualTo("1");
    assertThat(map(yaml, "info", "license").get("name")).isEqualTo("Apache-2.0");
    assertThat(map(json, "paths").keySet()).isEqualTo(map(yaml, "paths").keySet());
    assertThat(map(json, "info")).isEqualTo(map(yaml, "info"));
  }

  private HttpResponse<String> anonymousGet(HttpClient http, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  @Test
  void publishesItAtNoOtherDefaultAddress() throws Exception {
    mvc.perform(get("/v3/api-docs")).andExpect(status().isNotFound());
    mvc.perform(get("/v3/api-docs.yaml")).andExpect(status().isNotFound());
    mvc.perform(get("/swagger-ui.html")).andExpect(status().isNotFound());
  }

  @Test
  void describesEveryApiEndpointOfEveryController() throws Exception {
    Map<String, Object> paths = map(yaml(), "paths");
    List<String> missing = new ArrayList<>();
    int endpoints = 0;
    for (Map.Entry<RequestMappingInfo, HandlerMethod> handler :
        handlers.getHandlerMethods().entrySet()) {
      Class<?> type = handler.getValue().getBeanType();
      // springdoc's own handler serves the description; it is not part of it.
      if (!AnnotatedElementUtils.hasAnnotation(type, Controller.class)
          || type.getPackageName().startsWith("org.springdoc")) {
        continue;
      }
      Set<RequestMethod> methods = handler.getKey().getMethodsCondition().getMethods();
      for (String path : handler.getKey().getPatternValues()) {
        if (!path.startsWith("/api/")) {
          continue;
        }
        for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
          endpoints++;
          Object item = paths.get(path);
          if (!(item instanceof Map<?, ?> operations)
              || !operations.containsKey(method.name().toLowerCase(Locale.ROOT))) {
            missing.add(method + " " + path + " (" + handler.getValue() + ")");
          }
        }
      }
    }
    assertThat(missing).as("endpoints missing from the OpenAPI description").isEmpty();
    // The maturity and import endpoints the hand-written description lacked are among them.
    assertThat(endpoints).isGreaterThan(40);
    assertThat(paths)
        .containsKeys(
            "/api/v1/maturity/frameworks/current",
            "/api/v1/workspaces/{icbCode}/maturity/rounds/{roundId}/agreements/{areaId}",
            "/api/v1/assess/{token}/submit",
            "/api/v1/workspaces/{icbCode}/indicators/imports");
  }

  @Test
  void keepsTheContractPathsAndMethods() throws Exception {
    Map<String, Object> paths = map(yaml(), "paths");
    Map<String, Set<String>> contract =
        Map.ofEntries(
            Map.entry("/api/v1/icbs", Set.of("get")),
            Map.entry("/api/v1/icbs/{code}", Set.of("get")),
            Map.entry("/api/v1/icbs/{code}/lsoas", Set.of("get")),
            Map.entry("/api/v1/deprivation/summaries", Set.of("get")),
            Map.entry("/api/v1/deprivation/deciles", Set.of("get")),
            Map.entry("/api/v1/indicators", Set.of("get")),
            Map.entry("/api/v1/indicators/{id}/values", Set.of("get")),
            Map.entry("/api/v1/indicators/{id}/districts/{code}/similar", Set.of("get")),
            Map.entry("/api/v1/icbs/{code}/profile", Set.of("get")),
            Map.entry("/api/v1/groups/{groupId}", Set.of("get")),
            Map.entry("/api/v1/workspaces/{icbCode}/groups", Set.of("get", "post")),
            Map.entry("/api/v1/workspaces/{icbCode}/groups/{groupId}", Set.of("delete")),
            Map.entry("/api/v1/workspaces/{icbCode}/indicators/imports", Set.of("post")),
            Map.entry("/api/v1/workspaces/{icbCode}/anchors/organisations", Set.of("get", "post")),
            Map.entry("/api/v1/workspaces/{icbCode}/anchors/strategies", Set.of("get")),
            Map.entry("/api/v1/workspaces/{icbCode}/anchors/progression", Set.of("get")),
            Map.entry("/api/v1/maturity/frameworks/current", Set.of("get")),
            Map.entry("/api/v1/maturity/benchmark", Set.of("get")),
            Map.entry("/api/v1/statistics/{method}", Set.of("post")));
    contract.forEach(
        (path, methods) -> assertThat(map(paths, path).keySet()).as(path).containsAll(methods));
  }

  @Test
  void offersJsonAndCsvWhereTheContractDoes() throws Exception {
    Map<String, Object> paths = map(yaml(), "paths");
    for (String path :
        List.of(
            "/api/v1/icbs",
            "/api/v1/icbs/{code}/lsoas",
            "/api/v1/deprivation/summaries",
            "/api/v1/deprivation/deciles",
            "/api/v1/indicators/{id}/values",
            "/api/v1/icbs/{code}/profile")) {
      assertThat(map(paths, path, "get", "responses", "200", "content").keySet())
          .as(path)
          .contains("application/json", "text/csv");
    }
    assertThat(map(paths, "/api/v1/statistics/{method}", "post", "requestBody", "content"))
        .containsOnlyKeys("text/csv");
    assertThat(map(paths, "/api/v1/statistics/{method}", "post", "responses", "200", "content"))
        .containsOnlyKeys("text/csv");
    assertThat(
            map(
                paths,
                "/api/v1/workspaces/{icbCode}/maturity/rounds/{roundId}/report.pdf",
                "get",
                "responses",
                "200",
                "content"))
        .containsOnlyKeys("application/pdf");
  }

  @Test
  @SuppressWarnings("unchecked")
  void describesTheContractFieldsOfTheResponses() throws Exception {
    Map<String, Object> yaml = yaml();
    Map<String, Object> schemas = map(yaml, "components", "schemas");
    assertThat(map(schemas, "IcbJson", "properties").keySet())
        .containsExactlyInAnyOrder("code", "odsCode", "name", "population");
    assertThat(map(schemas, "SummaryJson", "properties").keySet())
        .containsExactlyInAnyOrderElementsOf(ApiContract.SUMMARY_FIELDS);
    assertThat(map(schemas, "ValueJson", "properties").keySet())
        .containsExactlyInAnyOrder(
            "areaCode",
            "areaName",
            "period",
            "value",
            "lower95",
            "upper95",
            "lower998",
            "upper998",
            "numerator",
            "denominator",
            "comparisonWithEngland",
            "englandValue",
            "coverage",
            "rollUp");
    assertThat(map(schemas, "ValuesJson", "properties").keySet())
        .containsExactlyInAnyOrder(
            "indicatorId", "areaType", "period", "englandValue", "rollUp", "periods", "values");
    assertThat(map(schemas, "SimilarAreasJson", "properties"))
        .containsKeys("rank", "ranked", "similarAreasMedian", "method", "similarAreas");
    assertThat(map(schemas, "ProfileJson", "properties").keySet())
        .containsExactlyInAnyOrder(
            "icbCode", "odsCode", "name", "comparator", "summary", "narrative", "indicators");
    // Two records are called IndicatorJson; each endpoint keeps its own.
    assertThat(map(schemas, "IndicatorJson", "properties")).containsKeys("definition", "licence");
    assertThat(map(schemas, "GroupIndicatorJson", "properties"))
        .containsKeys("groupValue", "members");
    List<Map<String, Object>> valuesParameters =
        (List<Map<String, Object>>)
            map(yaml, "paths", "/api/v1/indicators/{id}/values", "get").get("parameters");
    assertThat(valuesParameters)
        .extracting(p -> p.get("name"))
        .containsExactly("id", "areaType", "period");
    assertThat(map(yaml, "info").get("description").toString())
        .contains("RFC 9457 problem responses");
    assertThat(map(yaml, "paths", "/api/v1/icbs", "get", "responses")).containsKey("4XX");
  }

  @Test
  void saysWhichOperationsNeedABearerToken() throws Exception {
    Map<String, Object> yaml = yaml();
    assertThat(map(yaml, "components", "securitySchemes", "bearer"))
        .containsEntry("type", "http")
        .containsEntry("scheme", "bearer");
    assertThat(map(yaml, "paths", "/api/v1/workspaces/{icbCode}/groups", "post").get("security"))
        .isEqualTo(List.of(Map.of("bearer", List.of())));
    assertThat(
            map(yaml, "paths", "/api/v1/workspaces/{icbCode}/indicators/imports", "post")
                .get("security"))
        .isEqualTo(List.of(Map.of("bearer", List.of())));
    assertThat(map(yaml, "paths", "/api/v1/admin/maturity/frameworks", "post").get("security"))
        .isEqualTo(List.of(Map.of("bearer", List.of())));
    assertThat(map(yaml, "paths", "/api/v1/icbs", "get")).doesNotContainKey("security");
  }
}
