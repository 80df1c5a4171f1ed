package org.fourthpurpose.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.fourthpurpose.ApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Real HTTP through Tomcat, so the cookie flags and the proxy headers are Tomcat's own. */
@ApplicationTest
class TransportSecurityIntegrationTest {

  @LocalServerPort int port;

  private HttpResponse<String> signInPage(String forwardedProto) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/sign-in")).GET();
    if (forwardedProto != null) {
      request.header("X-Forwarded-Proto", forwardedProto);
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void theSessionCookieIsSameSiteLaxAndHttpOnly() throws Exception {
    HttpResponse<String> response = signInPage(null);

    List<String> cookies = response.headers().allValues("Set-Cookie");
    assertThat(cookies).anySatisfy(c -> assertThat(c).startsWith("JSESSIONID="));
    String session = cookies.stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst().get();
    assertThat(session).contains("SameSite=Lax").contains("HttpOnly").doesNotContain("Secure");
    assertThat(response.headers().firstValue("Strict-Transport-Security")).isEmpty();
  }

  @Test
  void behindATlsProxyTheCookieIsSecureAndHstsIsSent() throws Exception {
    HttpResponse<String> response = signInPage("https");

    String session =
        response.headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith("JSESSIONID="))
            .findFirst()
            .orElseThrow();
    assertThat(session).contains("Secure").contains("SameSite=Lax");
    assertThat(response.headers().firstValue("Strict-Transport-Security"))
        .hasValueSatisfying(h -> assertThat(h).contains("max-age=31536000"));
  }
}
