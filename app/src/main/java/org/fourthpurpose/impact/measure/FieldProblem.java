package org.fourthpurpose.impact.measure;

/** What is wrong with one field of a form, in a sentence that makes sense beside the field. */
public record FieldProblem(String field, String message) {}
