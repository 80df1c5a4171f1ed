package org.fourthpurpose.question.proposition;

import java.util.UUID;
import org.fourthpurpose.account.Account;
import org.fourthpurpose.account.AccountService;
import org.fourthpurpose.account.WorkspaceRole;
import org.fourthpurpose.question.WorkspaceQuestion;
import org.fourthpurpose.question.bank.StoredWorkspaceQuestions;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Workspaces, people and priority questions for the proposition and plan tests. */
public final class PropositionFixture {

  private PropositionFixture() {}

  /** Forgets a workspace's Step 2 work and anchor register, so each test starts afresh. */
  public static void forget(JdbcTemplate jdbc, String icb) {
    jdbc.update("delete from question_proposition where icb_code = ?", icb);
    jdbc.update("delete from question_plan_publication where icb_code = ?", icb);
    jdbc.update("delete from question_workspace where icb_code = ?", icb);
    jdbc.update("delete from impact_measure where icb_code = ?", icb);
    jdbc.update("delete from anchor_organisation where icb_code = ?", icb);
    jdbc.update("delete from anchor_register_seeding where icb_code = ?", icb);
  }

  /** Adopts a bank entry and agrees it as a priority with a rationale. */
  public static WorkspaceQuestion priority(
      StoredWorkspaceQuestions questions, String icb, String bankId, String rationale) {
    WorkspaceQuestion q = questions.adopt(icb, bankId);
    return questions.agree(icb, q.id(), rationale, null);
  }

  /** A person with a role in a workspace: signed in for pages, a Bearer token for the API. */
  public record Person(Account account, String token, RequestPostProcessor session) {}

  /** A person of a new account with a role in the workspace. */
  public static Person person(
      AccountService accounts, String icb, WorkspaceRole role, String name) {
    Account account = account(accounts, icb, role, name);
    return new Person(
        account,
        accounts.createToken(account.id(), "test").token(),
        SecurityMockMvcRequestPostProcessors.user(accounts.userDetails(account.id())));
  }

  public static Account account(
      AccountService accounts, String icb, WorkspaceRole role, String name) {
    String email = role.name().toLowerCase() + "." + UUID.randomUUID() + "@example.org";
    Account account = accounts.createAccount(email, name, "correct horse battery staple", false);
    accounts.grant(account.id(), icb, role);
    return account;
  }
}
