package org.fourthpurpose.anchor.register;

/** What is wrong with one field of a form or API body, named as the form names it. */
public record FieldProblem(String field, String message) {}
