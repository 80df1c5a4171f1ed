package org.fourthpurpose.question.proposition;

/** What is wrong with one field of a form or API body, named as the form and the API name it. */
public record FieldProblem(String field, String message) {}
