/**
 * The relationship audit: a survey a workspace sends to its partners to learn how they see the NHS,
 * where working with it works and where not, what they would ask of the integrated care board,
 * which of the NHS's skills, knowledge and architecture appeal to them and where its impact might
 * accrue (Step 2 of the NHS Confederation's framing tool). Personal links need no account and
 * answer once; results are shown by sector and overall only under disclosure control ({@link
 * org.fourthpurpose.question.audit.AuditDisclosure}).
 */
package org.fourthpurpose.question.audit;
