package org.fourthpurpose.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The generated OpenAPI description of the API under {@code /api}: springdoc builds its paths from
 * the controllers, and this adds what the code cannot say, the title, the conventions every
 * endpoint follows and the problem response. (The bearer token is described by {@code
 * account.SecurityConfiguration}, which decides where it is needed.)
 *
 * <p>springdoc publishes JSON at {@value #JSON_PATH_WITHOUT_SUFFIX} and YAML at that path plus
 * {@code .yaml} ({@code springdoc.api-docs.path} in {@code openapi/springdoc.properties}); {@code
 * /api/v1/openapi.json} forwards to the JSON so both files have the address their format suggests.
 */
@Configuration(proxyBeanMethods = false)
@PropertySource("classpath:openapi/springdoc.properties")
class ApiDescription implements WebMvcConfigurer {

  static final String JSON_PATH_WITHOUT_SUFFIX = "/api/v1/openapi";

  /** The name of the shared schema and response for a failure, RFC 9457 problem JSON. */
  static final String PROBLEM = "Problem";

  @Bean
  OpenAPI fourthPurposeApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("Fourth Purpose API")
                .version("1")
                .description(
                    "Public data on England's 42 integrated care systems and the statistics behind"
                        + " it. JSON by default; send `Accept: text/csv` for CSV where listed."
                        + " Errors are RFC 9457 problem responses. Private workspace endpoints"
                        + " (under /api/v1/workspaces/{icbCode}) need `Authorization: Bearer"
                        + " <personal access token>`.")
                .license(new License().name("Apache-2.0")))
        // Relative, so the description is right behind any proxy or host name.
        .servers(List.of(new Server().url("/")))
        .components(
            new Components()
                .addSchemas(PROBLEM, problemSchema())
                .addResponses(
                    PROBLEM,
                    new ApiResponse()
                        .description("What is wrong, and where")
                        .content(
                            new Content()
                                .addMediaType(
                                    "application/problem+json",
                                    new MediaType()
                                        .schema(
                                            new Schema<>()
                                                .$ref("#/components/schemas/" + PROBLEM))))));
  }

  /**
   * Says of every operation that a client error is answered with problem JSON, since the API's
   * advice turns every failure a client can act on into one.
   */
  @Bean
  OpenApiCustomizer problemResponses() {
    return api ->
        api.getPaths()
            .values()
            .forEach(
                path ->
                    path.readOperations()
                        .forEach(
                            operation ->
                                operation
                                    .getResponses()
                                    .addApiResponse(
                                        "4XX",
                                        new ApiResponse()
                                            .$ref("#/components/responses/" + PROBLEM))));
  }

  private static Schema<?> problemSchema() {
    return new ObjectSchema()
        .addProperty("type", new StringSchema())
        .addProperty("title", new StringSchema())
        .addProperty("status", new IntegerSchema())
        .addProperty("detail", new StringSchema())
        .addProperty(
            "parameter",
            new StringSchema().description("The query or path parameter that is wrong, if one"));
  }

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry
        .addViewController(JSON_PATH_WITHOUT_SUFFIX + ".json")
        .setViewName("forward:" + JSON_PATH_WITHOUT_SUFFIX);
  }
}
