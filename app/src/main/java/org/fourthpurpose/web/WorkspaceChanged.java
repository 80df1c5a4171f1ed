package org.fourthpurpose.web;

/**
 * Published when something in a workspace changes, so that what is kept of its pages (the plan, the
 * impact page) is forgotten. The audit log publishes it for every change it records with a
 * workspace, so a feature whose changes are audited need do nothing more; a change that is not
 * audited (a partner answering a relationship audit, which is anonymous) publishes it itself.
 * Listeners act after the change commits ({@code @TransactionalEventListener}).
 */
public record WorkspaceChanged(String icbCode) {}
