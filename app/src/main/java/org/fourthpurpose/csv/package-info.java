/**
 * Reading and writing comma-separated values as RFC 4180 defines them: quoted fields with embedded
 * commas, doubled quotes and line breaks, CRLF or LF line endings.
 *
 * <p>{@link org.fourthpurpose.csv.CsvReader} streams records with the line each starts on and
 * reports malformed input as a {@link org.fourthpurpose.csv.CsvFormatException} carrying the line
 * and column, so that a user can be told where to look; {@link org.fourthpurpose.csv.CsvWriter}
 * quotes only what needs quoting; {@link org.fourthpurpose.csv.CsvText} builds a download from
 * records and defuses text a spreadsheet would run as a formula. Shared by every feature that takes
 * or gives CSV.
 */
@ApplicationModule(allowedDependencies = {})
package org.fourthpurpose.csv;

import org.springframework.modulith.ApplicationModule;
