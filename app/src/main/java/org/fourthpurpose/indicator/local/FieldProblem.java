package org.fourthpurpose.indicator.local;

/**
 * One thing wrong with a field of a definition, in NHS.UK error message wording.
 *
 * @param field the field's name, which is also the id of its input on the form
 */
record FieldProblem(String field, String message) {}
