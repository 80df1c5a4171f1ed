package org.fourthpurpose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.fourthpurpose.account.Account;
import org.fourthpurpose.account.AccountService;
import org.fourthpurpose.account.WorkspaceRole;
import org.fourthpurpose.geography.Geography;
import org.fourthpurpose.geography.IntegratedCareBoard;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Every route the application serves, called with hostile path variables, parameters and bodies,
 * anonymously and as a platform administrator who administers a workspace: none may answer a 5xx. A
 * wrong value is the asker's to put right (400) or names nothing (404); a 500 would say the service
 * broke, and log a stack trace anyone could provoke.
 *
 * <p>Routes are read from Spring MVC's own mapping, so a new controller is swept without a change
 * here. Changes go to a workspace no other test uses, so whatever a hostile value manages to store
 * stays out of their way.
 */
@ApplicationTest
class HostileInputIntegrationTest {

  /** Path and parameter values nobody should be able to break a route with. */
  static final List<String> HOSTILE =
      List.of(
          "ZZZ999",
          "99999999999999999999999",
          "-1",
          "\u0000",
          "x".repeat(5_000),
          "1' OR '1'='1; drop table account; --",
          "<script>alert(1)</script>",
          "../../etc/passwd",
          "NaN",
          " ");

  /** Request bodies for routes that read JSON. */
  static final List<String> HOSTILE_JSON =
      List.of(
          "",
          "not json",
          "{\"unterminated\": ",
          "[]",
          "null",
          "{}",
          "{\"name\":123456789012345678901234567890,\"level\":\"nope\",\"fulfilment\":\"nope\","
              + "\"dueBy\":\"not-a-date\",\"version\":-99999999999,\"status\":\"nope\","
              + "\"ratings\":{\"nope\":{\"level\":\"nope\"}},\"members\":\"nope\","
              + "\"areaId\":\"<script>\",\"email\":\"not an address\"}",
          "{\"name\":\"" + "y".repeat(5_000) + "\"}",
          "{\"name\":\"a\\u0000b\",\"organisation\":\"a\\u0000b\",\"title\":\"a\\u0000b\","
              + "\"rationale\":\"a\\u0000b\",\"level\":\"emerging\",\"fulfilment\":\"partly\","
              + "\"members\":[\"a\\u0000b\"]}");

  /** Bodies for routes that read CSV. */
  static final List<String> HOSTILE_CSV =
      List.of("", "\u0000\u0001", "a,b\n\"unterminated", "value\nNaN\n1e309\n-1");

  /** ICBs other tests use, so that the sweep changes none of their workspaces. */
  static final Set<String> USED_BY_OTHER_TESTS =
      Set.of(
          "E54000051",
          "E54000008",
          "E54000054",
          "E54000061",
          "E54000063",
          "E54000052",
          "E54000050",
          "E54000064",
          "E54000048",
          "E54000044",
          "E54000027",
          "E54000010");

  @Autowired MockMvc mvc;
  @Autowired AccountService accounts;
  @Autowired Geography geography;
  @Autowired javax.sql.DataSource dataSource;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  record Route(String pattern, HttpMethod method, HandlerMethod handler, RequestMappingInfo info) {}

  @Test
  void noRouteAnswersAServerErrorToHostileInputFromAnyone() throws Exception {
    IntegratedCareBoard sweep =
        geography.icbs().stream()
            .filter(i -> !USED_BY_OTHER_TESTS.contains(i.code()))
            .reduce((first, second) -> second)
            .orElseThrow();
    Account admin =
        accounts.createAccount(
            "sweep." + UUID.randomUUID() + "@example.org",
            "Sweep Administrator",
            "correct horse battery staple",
            true);
    accounts.grant(admin.id(), sweep.code(), WorkspaceRole.ICS_ADMIN);
    UserDetails adminDetails = accounts.userDetails(admin.id());

    List<Route> routes = routes();
    assertThat(routes).as("routes found in Spring MVC's mapping").hasSizeGreaterThan(60);

    List<String> failures = new ArrayList<>();
    int requests = 0;
    com.zaxxer.hikari.HikariPoolMXBean pool =
        dataSource.unwrap(com.zaxxer.hikari.HikariDataSource.class).getHikariPoolMXBean();
    for (Route route : routes) {
      int leaked = connectionsInUse(pool);
      if (leaked > 0) {
        failures.add(
            route.method()
                + " "
                + route.pattern()
                + ": "
                + leaked
                + " connections in use before it");
      }
      for (UserDetails who : new UserDetails[] {null, adminDetails}) {
        for (Call call : calls(route, sweep.code())) {
          requests++;
          String outcome = perform(route, call, who);
          if (outcome != null) {
            failures.add(
                route.method()
                    + " "
                    + route.pattern()
                    + " as "
                    + (who == null ? "anonymous" : "platform administrator")
                    + " with "
                    + call
                    + ": "
                    + outcome);
          }
        }
      }
    }
    assertThat(requests).isGreaterThan(1_000);
    // What hostile uploads started in the background ends, rejected or failed, and says so.
    org.springframework.jdbc.core.simple.JdbcClient sql =
        org.springframework.jdbc.core.simple.JdbcClient.create(dataSource);
    long deadline = System.nanoTime() + 60_000_000_000L;
    long unfinished;
    while ((unfinished = unfinished(sql, sweep.code())) > 0 && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(unfinished).as("jobs and imports of the sweep left unfinished").isZero();
    assertThat(failures)
        .as("%d of %d hostile requests answered a server error", failures.size(), requests)
        .isEmpty();
  }

  /**
   * The connections still borrowed once the background work a request may have started has had a
   * few seconds to end: a request that returns without giving back its connection would otherwise
   * drain the pool, and every later request would answer 503.
   */
  private static int connectionsInUse(com.zaxxer.hikari.HikariPoolMXBean pool)
      throws InterruptedException {
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (pool.getActiveConnections() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    return pool.getActiveConnections();
  }

  @Test
  void theImportsPageGivesBackItsDatabaseConnectionEveryTime() throws Exception {
    // It once listed the imports through a stream it never closed: ten views drained the pool.
    Account editor =
        accounts.createAccount(
            "imports.page." + UUID.randomUUID() + "@example.org",
            "Imports Page",
            "correct horse battery staple",
            false);
    String icb = geography.icbs().get(3).code();
    accounts.grant(editor.id(), icb, WorkspaceRole.EDITOR);
    com.zaxxer.hikari.HikariPoolMXBean pool =
        dataSource.unwrap(com.zaxxer.hikari.HikariDataSource.class).getHikariPoolMXBean();
    // More views than the pool has connections (ten).
    for (int i = 0; i < 15; i++) {
      int status =
          mvc.perform(
                  MockMvcRequestBuilders.get("/workspaces/" + icb + "/indicators/imports")
                      .with(user(accounts.userDetails(editor.id()))))
              .andReturn()
              .getResponse()
              .getStatus();
      assertThat(status).as("view %d of the imports page", i + 1).isEqualTo(200);
    }
    assertThat(connectionsInUse(pool)).isZero();
  }

  private static long unfinished(
      org.springframework.jdbc.core.simple.JdbcClient sql, String workspace) {
    return sql.sql(
                "select count(*) from job_run where owner = ? and state in ('QUEUED', 'RUNNING')")
            .param(workspace)
            .query(Long.class)
            .single()
        + sql.sql(
                "select count(*) from indicator_import where workspace_icb_code = ? and"
                    + " finished_at is null")
            .param(workspace)
            .query(Long.class)
            .single();
  }

  /** One request to make of a route: path variables, parameters and a body. */
  record Call(Map<String, String> path, Map<String, String> params, String body) {
    @Override
    public String toString() {
      return "path "
          + shorten(path.toString())
          + ", parameters "
          + shorten(params.toString())
          + (body == null ? "" : ", body " + shorten(body));
    }
  }

  private List<Route> routes() {
    List<Route> routes = new ArrayList<>();
    mappings
        .getHandlerMethods()
        .forEach(
            (info, handler) -> {
              Set<String> patterns = info.getPatternValues();
              Set<org.springframework.web.bind.annotation.RequestMethod> methods =
                  info.getMethodsCondition().getMethods();
              for (String pattern : patterns) {
                if (pattern.equals("/error")) {
                  // Spring Boot's error page: it shows the status of the failed request it was
                  // forwarded for, and called on its own it has none, so it says 500.
                  continue;
                }
                if (methods.isEmpty()) {
                  routes.add(new Route(pattern, HttpMethod.GET, handler, info));
                } else {
                  methods.forEach(
                      m ->
                          routes.add(
                              new Route(pattern, HttpMethod.valueOf(m.name()), handler, info)));
                }
              }
            });
    routes.sort(
        java.util.Comparator.comparing(Route::pattern).thenComparing(r -> r.method().name()));
    return routes;
  }

  private static List<Call> calls(Route route, String icbCode) {
    List<String> variables =
        UriComponentsBuilder.fromPath(route.pattern()).build().getPathSegments().stream()
            .flatMap(s -> java.util.regex.Pattern.compile("\\{([^}:]+)").matcher(s).results())
            .map(m -> m.group(1))
            .toList();
    List<String> params = requestParams(route.handler());
    boolean csv = consumes(route, "text/csv");
    boolean json = hasBody(route.handler()) && !csv;

    Set<Call> calls = new LinkedHashSet<>();
    Map<String, String> valid = new LinkedHashMap<>();
    for (String v : variables) {
      valid.put(v, isIcb(v) ? icbCode : "1");
    }
    String plainBody = json ? "{}" : csv ? "value\n1\n" : null;
    for (String h : HOSTILE) {
      Map<String, String> all = new LinkedHashMap<>();
      Map<String, String> inValid = new LinkedHashMap<>();
      for (String v : variables) {
        all.put(v, h);
        inValid.put(v, isIcb(v) ? icbCode : h);
      }
      calls.add(new Call(all, Map.of(), plainBody));
      calls.add(new Call(inValid, Map.of(), plainBody));
      Map<String, String> hostileParams = new LinkedHashMap<>();
      for (String p : params) {
        hostileParams.put(p, h);
      }
      if (!hostileParams.isEmpty()) {
        calls.add(new Call(valid, hostileParams, plainBody));
        calls.add(new Call(inValid, hostileParams, plainBody));
      }
    }
    calls.add(new Call(valid, Map.of(), plainBody));
    if (json) {
      HOSTILE_JSON.forEach(body -> calls.add(new Call(valid, Map.of(), body)));
    }
    if (csv) {
      HOSTILE_CSV.forEach(body -> calls.add(new Call(valid, Map.of(), body)));
    }
    return List.copyOf(calls);
  }

  /** Null when the answer is not a server error; otherwise what went wrong. */
  private String perform(Route route, Call call, UserDetails who) {
    URI uri =
        UriComponentsBuilder.fromPath(route.pattern()).encode().buildAndExpand(call.path()).toUri();
    MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(route.method(), uri);
    call.params().forEach(request::param);
    Set<MediaType> consumable = route.info().getConsumesCondition().getConsumableMediaTypes();
    if (call.body() != null) {
      request
          .contentType(
              consumes(route, "text/csv")
                  ? MediaType.valueOf("text/csv")
                  : MediaType.APPLICATION_JSON)
          .content(call.body());
    } else if (!consumable.isEmpty()) {
      request.contentType(consumable.iterator().next());
    }
    Set<MediaType> producible = route.info().getProducesCondition().getProducibleMediaTypes();
    if (!producible.isEmpty()) {
      request.accept(producible.iterator().next());
    }
    if (who != null) {
      request.with(user(who));
    }
    if (route.method() != HttpMethod.GET) {
      request.with(csrf());
    }
    try {
      int status = mvc.perform(request).andReturn().getResponse().getStatus();
      return status >= 500 ? "status " + status : null;
    } catch (Exception | Error e) {
      Throwable root = e;
      while (root.getCause() != null && root.getCause() != root) {
        root = root.getCause();
      }
      return "threw "
          + root.getClass().getName()
          + ": "
          + shorten(String.valueOf(root.getMessage()));
    }
  }

  private static List<String> requestParams(HandlerMethod handler) {
    List<String> names = new ArrayList<>();
    for (MethodParameter p : handler.getMethodParameters()) {
      RequestParam param = p.getParameterAnnotation(RequestParam.class);
      if (param == null || Map.class.isAssignableFrom(p.getParameterType())) {
        continue;
      }
      String name = !param.name().isEmpty() ? param.name() : p.getParameterName();
      if (name != null
          && !org.springframework.web.multipart.MultipartFile.class.isAssignableFrom(
              p.getParameterType())) {
        names.add(name);
      }
    }
    return names;
  }

  private static boolean hasBody(HandlerMethod handler) {
    for (MethodParameter p : handler.getMethodParameters()) {
      if (p.hasParameterAnnotation(RequestBody.class)) {
        return true;
      }
    }
    return false;
  }

  private static boolean consumes(Route route, String type) {
    return route.info().getConsumesCondition().getConsumableMediaTypes().stream()
        .anyMatch(m -> m.toString().startsWith(type));
  }

  private static boolean isIcb(String variable) {
    return variable.equals("icbCode") || variable.equals("code");
  }

  private static String shorten(String text) {
    return text.length() <= 80 ? text : text.substring(0, 60) + "…(" + text.length() + " chars)";
  }
}
