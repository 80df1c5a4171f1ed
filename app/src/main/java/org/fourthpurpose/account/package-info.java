/**
 * Local accounts, ICS workspaces and roles. A platform administrator runs the installation; within
 * each ICS workspace people are administrators, editors or viewers. Scripts use personal access
 * tokens, stored hashed. Changes to accounts, roles and tokens and every sign-in event go to the
 * audit log, which learns from {@code AccountAuditActor} who is acting and who may read it.
 */
@ApplicationModule(allowedDependencies = {"audit", "geography", "job", "reference", "web"})
package org.fourthpurpose.account;

import org.springframework.modulith.ApplicationModule;
