/**
 * Local accounts, ICS workspaces and roles. A platform administrator runs the installation; within
 * each ICS workspace people are administrators, editors or viewers, who join by an emailed one-time
 * invitation and choose their own password. Scripts use personal access tokens, stored hashed.
 * Other features put tasks on a person's account page through {@link
 * org.fourthpurpose.account.AccountTasks}. Changes to accounts, roles, invitations and tokens and
 * every sign-in event go to the audit log, which learns from {@code AccountAuditActor} who is
 * acting and who may read it.
 */
@ApplicationModule(
    allowedDependencies = {"audit", "backup", "geography", "job", "reference", "web"})
package org.fourthpurpose.account;

import org.springframework.modulith.ApplicationModule;
