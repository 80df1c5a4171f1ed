package org.fourthpurpose.account;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

/**
 * Where a person goes after signing in through the provider: the page named by {@code ?continue=}
 * on the link that started it ({@link OidcSignIn#startPath(String)}), if it is a path on this
 * service; otherwise the page they asked for before signing in, or their account page.
 */
final class OidcContinuation {

  static final String PARAMETER = "continue";
  private static final String ATTRIBUTE = OidcContinuation.class.getName();

  private OidcContinuation() {}

  /** Resolves the provider's authorization request as usual, keeping a valid continuation. */
  static OAuth2AuthorizationRequestResolver remembering(
      ClientRegistrationRepository registrations) {
    DefaultOAuth2AuthorizationRequestResolver resolver =
        new DefaultOAuth2AuthorizationRequestResolver(
            registrations,
            OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI);
    return new OAuth2AuthorizationRequestResolver() {
      @Override
      public OAuth2AuthorizationRequest resolve(HttpServletRequest request) {
        return remember(request, resolver.resolve(request));
      }

      @Override
      public OAuth2AuthorizationRequest resolve(
          HttpServletRequest request, String clientRegistrationId) {
        return remember(request, resolver.resolve(request, clientRegistrationId));
      }
    };
  }

  private static OAuth2AuthorizationRequest remember(
      HttpServletRequest request, OAuth2AuthorizationRequest authorization) {
    if (authorization != null) {
      String continueTo = request.getParameter(PARAMETER);
      if (isLocalPath(continueTo)) {
        request.getSession(true).setAttribute(ATTRIBUTE, continueTo);
      } else if (request.getSession(false) != null) {
        request.getSession(false).removeAttribute(ATTRIBUTE);
      }
    }
    return authorization;
  }

  /** Sends the signed-in person to the kept continuation, or as the fallback would. */
  static AuthenticationSuccessHandler then(SavedRequestAwareAuthenticationSuccessHandler fallback) {
    return new AuthenticationSuccessHandler() {
      @Override
      public void onAuthenticationSuccess(
          HttpServletRequest request, HttpServletResponse response, Authentication authentication)
          throws IOException, ServletException {
        HttpSession session = request.getSession(false);
        Object continueTo = session == null ? null : session.getAttribute(ATTRIBUTE);
        if (continueTo instanceof String path && isLocalPath(path)) {
          session.removeAttribute(ATTRIBUTE);
          response.sendRedirect(request.getContextPath() + path);
          return;
        }
        fallback.onAuthenticationSuccess(request, response, authentication);
      }
    };
  }

  /** A path on this service, never another site ({@code //host}, {@code /\host}) or a header. */
  static boolean isLocalPath(String path) {
    return path != null
        && path.length() <= 2000
        && path.startsWith("/")
        && !path.startsWith("//")
        && path.chars().noneMatch(c -> c < 0x20 || c == 0x7f || c == '\\');
  }
}
