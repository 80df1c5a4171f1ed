/**
 * The audit log: an append-only, tamper-evident record of every change people make (roles, tokens,
 * imports, groups, maturity rounds, ...) and every sign-in event, saying who, when, in which
 * workspace, what, and a short summary of before and after.
 *
 * <p>Features record through {@link org.fourthpurpose.audit.AuditLog}, inside their own
 * transaction, so a change and its entry commit or roll back together. Each entry carries the hash
 * of the one before ({@link org.fourthpurpose.audit.AuditHash}); {@link
 * org.fourthpurpose.audit.AuditChain} walks the chain and names the first entry that was changed,
 * removed or inserted, on the platform administrators' page, through the API and as a command
 * ({@code --audit-check}, {@link org.fourthpurpose.audit.AuditCheckCommand}). ICS administrators
 * read and export their workspace's entries, platform administrators all of them. Who the person is
 * and what they may read comes from the account feature, through {@link
 * org.fourthpurpose.audit.AuditActor}, since accounts depend on this module and not the other way.
 */
@ApplicationModule(allowedDependencies = {"csv", "web"})
package org.fourthpurpose.audit;

import org.springframework.modulith.ApplicationModule;
