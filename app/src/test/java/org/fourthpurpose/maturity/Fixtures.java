package org.fourthpurpose.maturity;

import java.util.List;
import java.util.UUID;
import org.fourthpurpose.account.Account;
import org.fourthpurpose.account.AccountService;
import org.fourthpurpose.account.WorkspaceRole;
import org.fourthpurpose.geography.Geography;
import org.fourthpurpose.geography.IntegratedCareBoard;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Small factories for people and workspaces in the maturity tests. */
final class Fixtures {

  private final AccountService accounts;
  private final Geography geography;

  Fixtures(AccountService accounts, Geography geography) {
    this.accounts = accounts;
    this.geography = geography;
  }

  /** A person with an account, a role (or none) in a workspace, and an API token. */
  record Person(Account account, String token, RequestPostProcessor session) {
    MockHttpServletRequestBuilder bearer(MockHttpServletRequestBuilder request) {
      return request.header("Authorization", "Bearer " + token);
    }
  }

  Person person(String name, String icbCode, WorkspaceRole role) {
    String email = name.toLowerCase().replace(' ', '.') + "." + UUID.randomUUID() + "@example.org";
    Account account = accounts.createAccount(email, name, "correct horse battery staple", false);
    if (icbCode != null && role != null) {
      accounts.grant(account.id(), icbCode, role);
    }
    return new Person(
        account,
        accounts.createToken(account.id(), "test").token(),
        SecurityMockMvcRequestPostProcessors.user(accounts.userDetails(account.id())));
  }

  Person platformAdmin() {
    String email = "admin." + UUID.randomUUID() + "@example.org";
    Account account =
        accounts.createAccount(email, "Platform Admin", "correct horse battery staple", true);
    return new Person(
        account,
        accounts.createToken(account.id(), "test").token(),
        SecurityMockMvcRequestPostProcessors.user(accounts.userDetails(account.id())));
  }

  List<String> icbCodes() {
    return geography.icbs().stream().map(IntegratedCareBoard::code).toList();
  }

  static String uniqueRoundName() {
    return "R-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
