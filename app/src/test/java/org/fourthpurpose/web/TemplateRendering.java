package org.fourthpurpose.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockServletContext;
import org.springframework.security.access.expression.AbstractSecurityExpressionHandler;
import org.springframework.security.access.expression.SecurityExpressionOperations;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.FilterInvocation;
import org.springframework.security.web.access.expression.WebSecurityExpressionRoot;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.security.web.servlet.support.csrf.CsrfRequestDataValueProcessor;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.context.support.StaticWebApplicationContext;
import org.springframework.web.servlet.support.RequestContext;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.extras.springsecurity6.dialect.SpringSecurityDialect;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.context.webmvc.SpringWebMvcThymeleafRequestContext;
import org.thymeleaf.spring6.naming.SpringContextVariableNames;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * Renders the app's Thymeleaf templates as a request in the running app would, without starting it:
 * the same dialects (Spring Security's and the layout's), a servlet request with a CSRF token, and
 * Spring Security's request data value processor, so {@code th:action} adds the token.
 */
final class TemplateRendering {

  static final String CSRF_TOKEN = "test-csrf-token";

  private final SpringTemplateEngine engine = new SpringTemplateEngine();
  private final MockServletContext servletContext = new MockServletContext();

  TemplateRendering() {
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix("templates/");
    resolver.setSuffix(".html");
    resolver.setTemplateMode(TemplateMode.HTML);
    resolver.setCharacterEncoding("UTF-8");
    engine.setTemplateResolver(resolver);
    engine.addDialect(new SpringSecurityDialect());
    engine.addDialect(new LayoutDialect());

    StaticWebApplicationContext applicationContext = new StaticWebApplicationContext();
    applicationContext.setServletContext(servletContext);
    applicationContext.refresh();
    applicationContext
        .getBeanFactory()
        .registerSingleton("requestDataValueProcessor", new CsrfRequestDataValueProcessor());
    applicationContext
        .getBeanFactory()
        .registerSingleton("webSecurityExpressionHandler", new WebExpressionHandler());
    servletContext.setAttribute(
        WebApplicationContext.ROOT_WEB_APPLICATION_CONTEXT_ATTRIBUTE, applicationContext);
  }

  /** Renders a template for a visitor who is not signed in. */
  String render(String template, Map<String, ?> model) {
    return render(template, model, null);
  }

  /**
   * Renders a template, with {@code authentication} as the signed-in user (or, when null, an
   * anonymous visitor, as Spring Security's anonymous filter would).
   */
  String render(String template, Map<String, ?> model, Authentication authentication) {
    MockHttpServletRequest request = new MockHttpServletRequest(servletContext, "GET", "/test");
    MockHttpServletResponse response = new MockHttpServletResponse();
    CsrfToken csrfToken = new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", CSRF_TOKEN);
    request.setAttribute(CsrfToken.class.getName(), csrfToken);
    request.setAttribute(csrfToken.getParameterName(), csrfToken);

    Map<String, Object> variables = new HashMap<>(model);
    WebContext context =
        new WebContext(
            JakartaServletWebApplication.buildApplication(servletContext)
                .buildExchange(request, response),
            Locale.UK,
            variables);
    RequestContext requestContext =
        new RequestContext(request, response, servletContext, variables);
    context.setVariable(SpringContextVariableNames.SPRING_REQUEST_CONTEXT, requestContext);
    context.setVariable(
        SpringContextVariableNames.THYMELEAF_REQUEST_CONTEXT,
        new SpringWebMvcThymeleafRequestContext(requestContext, request));

    SecurityContextHolder.getContext()
        .setAuthentication(authentication != null ? authentication : anonymous());
    try {
      return engine.process(template, context);
    } finally {
      SecurityContextHolder.clearContext();
    }
  }

  /** The part of {@code html} from the first {@code start} to the {@code end} after it. */
  static String between(String html, String start, String end) {
    int from = html.indexOf(start);
    assertThat(from).as("position of %s", start).isNotNegative();
    int to = html.indexOf(end, from);
    assertThat(to).as("position of %s after %s", end, start).isNotNegative();
    return html.substring(from, to + end.length());
  }

  private static Authentication anonymous() {
    return new AnonymousAuthenticationToken(
        "anonymous", "anonymousUser", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));
  }

  /**
   * What {@code @EnableWebSecurity} registers for {@code sec:authorize}: an expression handler for
   * web requests ({@code isAuthenticated()}, {@code hasRole(...)}).
   */
  static final class WebExpressionHandler
      extends AbstractSecurityExpressionHandler<FilterInvocation> {
    @Override
    protected SecurityExpressionOperations createSecurityExpressionRoot(
        Authentication authentication, FilterInvocation invocation) {
      WebSecurityExpressionRoot root = new WebSecurityExpressionRoot(authentication, invocation);
      root.setTrustResolver(new AuthenticationTrustResolverImpl());
      return root;
    }
  }
}
