package org.fourthpurpose.account;

import java.util.List;

/**
 * Things waiting for a person, shown on their account page, the page they land on after signing in.
 * Features implement this to put their own tasks there (the maturity feature lists the assessment
 * rounds a person was invited to rate) without the account feature knowing them.
 */
public interface AccountTasks {

  /** The account's tasks from one feature, most urgent first. */
  List<AccountTask> tasksFor(Account account);

  /** One task: what it is, where to do it, and where it stands. */
  record AccountTask(String heading, String description, String href, String status) {}
}
