package org.fourthpurpose.question;

/**
 * Published, in the transaction that made it, when a workspace's propositions were added, changed,
 * moved on or removed, so that what is built on them (the plan) is read afresh.
 */
public record PropositionsChanged(String icbCode) {}
