package org.fourthpurpose.account;

import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.stream.Stream;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.server.PathContainer;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Two security chains. The API ({@code /api/**}) is stateless and accepts personal access tokens
 * only, so a browser session can never be used against it (no CSRF exposure). The web pages use a
 * session, a sign-in form and CSRF tokens.
 *
 * <p>Public content (the national baseline, published material) needs no account. Everything
 * private lives under {@code /workspaces/**} or {@code /api/v1/workspaces/**}, where controllers
 * also check {@link WorkspaceAccess}; platform administration is under {@code /admin/**} and {@code
 * /api/v1/admin/**}.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  /** API paths for platform administrators only. */
  static final String ADMIN_API = "/api/v1/admin/**";

  /** API paths that need a personal access token of an account with a role there. */
  static final String[] TOKEN_API = {
    "/api/v1/workspaces/**", "/api/v1/account/**", "/api/v1/jobs/**"
  };

  /** The OpenAPI security scheme of a personal access token. */
  static final String BEARER = "bearer";

  @Bean
  PasswordEncoder passwordEncoder() {
    // bcrypt with cost 12 for new hashes; the delegating encoder lets us move to a stronger one
    // later.
    PasswordEncoder defaults = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    java.util.Map<String, PasswordEncoder> encoders = new java.util.HashMap<>();
    encoders.put("bcrypt", new BCryptPasswordEncoder(12));
    DelegatingPasswordEncoder encoder = new DelegatingPasswordEncoder("bcrypt", encoders);
    encoder.setDefaultPasswordEncoderForMatches(defaults);
    return encoder;
  }

  @Bean
  @Order(1)
  SecurityFilterChain apiChain(HttpSecurity http, AccountService accounts) throws Exception {
    http.securityMatcher("/api/**")
        .csrf(csrf -> csrf.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(cache -> cache.disable())
        .formLogin(form -> form.disable())
        .httpBasic(basic -> basic.disable())
        .addFilterBefore(
            new BearerTokenFilter(accounts), UsernamePasswordAuthenticationFilter.class)
        .authorizeHttpRequests(
            authorize ->
                authorize
                    .requestMatchers(ADMIN_API)
                    .hasRole("PLATFORM_ADMIN")
                    .requestMatchers(TOKEN_API)
                    .authenticated()
                    .anyRequest()
                    .permitAll())
        .exceptionHandling(
            handling ->
                handling
                    .authenticationEntryPoint(
                        (request, response, e) ->
                            problem(
                                response,
                                401,
                                "Unauthorized",
                                "Send a personal access token as 'Authorization: Bearer <token>'"))
                    .accessDeniedHandler(
                        (request, response, e) ->
                            problem(response, 403, "Forbidden", e.getMessage())));
    return http.build();
  }

  /**
   * Marks in the generated OpenAPI description every operation under the paths {@link #apiChain}
   * guards as needing the bearer token, so the description follows the rules rather than restating
   * them.
   */
  @Bean
  OpenApiCustomizer bearerTokenOperations() {
    List<PathPattern> guarded =
        Stream.concat(Stream.of(ADMIN_API), Stream.of(TOKEN_API))
            .map(PathPatternParser.defaultInstance::parse)
            .toList();
    return api -> {
      api.getComponents()
          .addSecuritySchemes(
              BEARER,
              new SecurityScheme()
                  .type(SecurityScheme.Type.HTTP)
                  .scheme("bearer")
                  .description("A personal access token from your account page"));
      api.getPaths()
          .forEach(
              (path, item) -> {
                PathContainer container = PathContainer.parsePath(path);
                if (guarded.stream().anyMatch(p -> p.matches(container))) {
                  item.readOperations()
                      .forEach(
                          operation ->
                              operation.setSecurity(
                                  List.of(new SecurityRequirement().addList(BEARER))));
                }
              });
    };
  }

  @Bean
  @Order(2)
  SecurityFilterChain webChain(
      HttpSecurity http, SignInThrottle throttle, OidcSignIn oidc, OidcAccountLinking linking)
      throws Exception {
    SavedRequestAwareAuthenticationSuccessHandler throttledSuccess =
        new SavedRequestAwareAuthenticationSuccessHandler() {
          @Override
          public void onAuthenticationSuccess(
              jakarta.servlet.http.HttpServletRequest request,
              HttpServletResponse response,
              org.springframework.security.core.Authentication authentication)
              throws IOException, jakarta.servlet.ServletException {
            throttle.succeeded(request.getParameter("email"));
            super.onAuthenticationSuccess(request, response, authentication);
          }
        };
    throttledSuccess.setDefaultTargetUrl("/account");
    http.authorizeHttpRequests(
            authorize ->
                authorize
                    .requestMatchers("/admin/**")
                    .hasRole("PLATFORM_ADMIN")
                    .requestMatchers(
                        "/workspaces/**", "/account/**", "/jobs/**", "/invitations/*/accept")
                    .authenticated()
                    .anyRequest()
                    .permitAll())
        .formLogin(
            form ->
                form.loginPage("/sign-in")
                    .loginProcessingUrl("/sign-in")
                    .usernameParameter("email")
                    .passwordParameter("password")
                    .successHandler(throttledSuccess)
                    .failureHandler(
                        (request, response, exception) -> {
                          throttle.failed(request.getParameter("email"), request.getRemoteAddr());
                          response.sendRedirect(request.getContextPath() + "/sign-in?error");
                        })
                    .permitAll())
        .addFilterBefore(
            new SignInThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class)
        .logout(logout -> logout.logoutUrl("/sign-out").logoutSuccessUrl("/?signed-out"))
        .headers(
            headers ->
                headers
                    .contentSecurityPolicy(
                        csp ->
                            csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; style-src 'self';"
                                    + " script-src 'self'; object-src 'none'; base-uri 'self';"
                                    + " frame-ancestors 'none'; form-action 'self'"))
                    .referrerPolicy(
                        referrer ->
                            referrer.policy(
                                ReferrerPolicyHeaderWriter.ReferrerPolicy
                                    .STRICT_ORIGIN_WHEN_CROSS_ORIGIN)));
    if (oidc.isEnabled()) {
      oidcLogin(http, oidc, linking);
    }
    return http.build();
  }

  /**
   * Sign-in through the OIDC provider, added to the web chain only when one is configured: its
   * button on {@code /sign-in} starts the code flow at {@code /oauth2/authorization/oidc}, and the
   * provider returns to {@code /login/oauth2/code/oidc}. The provider's access token is kept in the
   * session only, as nothing calls the provider on the person's behalf. A refusal (see {@link
   * OidcAccountLinking}) or an unreachable provider sends the person back to the sign-in page with
   * a message.
   */
  private static void oidcLogin(HttpSecurity http, OidcSignIn oidc, OidcAccountLinking linking)
      throws Exception {
    SavedRequestAwareAuthenticationSuccessHandler success =
        new SavedRequestAwareAuthenticationSuccessHandler();
    success.setDefaultTargetUrl("/account");
    AuthenticationFailureHandler refused =
        (request, response, exception) ->
            backToSignIn(request, response, refusal(exception, oidc.name()));
    AuthenticationFailureHandler unavailable =
        (request, response, exception) ->
            backToSignIn(
                request,
                response,
                "Signing in with "
                    + oidc.name()
                    + " is not available at the moment. Sign in with your email address and"
                    + " password, or try again later.");
    http.oauth2Login(
        login ->
            login
                .loginPage("/sign-in")
                .clientRegistrationRepository(oidc.registrations())
                .authorizedClientRepository(new HttpSessionOAuth2AuthorizedClientRepository())
                .authorizationEndpoint(
                    endpoint ->
                        endpoint.authorizationRequestResolver(
                            OidcContinuation.remembering(oidc.registrations())))
                .userInfoEndpoint(userInfo -> userInfo.oidcUserService(linking))
                .successHandler(OidcContinuation.then(success))
                .failureHandler(refused)
                .withObjectPostProcessor(
                    new ObjectPostProcessor<OAuth2AuthorizationRequestRedirectFilter>() {
                      @Override
                      public <O extends OAuth2AuthorizationRequestRedirectFilter> O postProcess(
                          O filter) {
                        filter.setAuthenticationFailureHandler(unavailable);
                        return filter;
                      }
                    }));
  }

  /** The message for a refused OIDC sign-in: the linking rule's own, or a general one. */
  static String refusal(AuthenticationException exception, String providerName) {
    if (exception instanceof OAuth2AuthenticationException oauth2
        && oauth2.getError().getErrorCode().startsWith(OidcAccountLinking.CODE_PREFIX)) {
      return oauth2.getError().getDescription();
    }
    return "Signing in with "
        + providerName
        + " did not finish. Try again, or sign in with your email address and password.";
  }

  private static void backToSignIn(
      jakarta.servlet.http.HttpServletRequest request, HttpServletResponse response, String message)
      throws IOException {
    SignInProblem.keep(request, message);
    response.sendRedirect(request.getContextPath() + "/sign-in?problem");
  }

  static void problem(HttpServletResponse response, int status, String title, String detail)
      throws IOException {
    response.setStatus(status);
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    response
        .getWriter()
        .write(
            "{\"type\":\"about:blank\",\"title\":\""
                + title
                + "\",\"status\":"
                + status
                + ",\"detail\":\""
                + (detail == null ? "" : detail.replace("\\", "\\\\").replace("\"", "\\\""))
                + "\"}");
  }
}
