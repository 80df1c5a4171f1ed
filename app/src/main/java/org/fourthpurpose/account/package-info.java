/**
 * Local accounts, ICS workspaces and roles. A platform administrator runs the installation; within
 * each ICS workspace people are administrators, editors or viewers. Scripts use personal access
 * tokens, stored hashed.
 */
@ApplicationModule(allowedDependencies = {"backup", "geography", "job", "reference", "web"})
package org.fourthpurpose.account;

import org.springframework.modulith.ApplicationModule;
