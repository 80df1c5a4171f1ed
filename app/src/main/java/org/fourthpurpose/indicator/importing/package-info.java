/**
 * Imports of an ICS's own indicator data: a tidy CSV, a Fingertips "download data" CSV or an Excel
 * sheet, and the values imported. Nothing from a file is kept unless every row passes its checks; a
 * file with any error is rejected whole, with every error's line and column; an accepted file is
 * stored in one transaction, replacing the workspace's earlier values for the same indicator, area
 * and period; the same file imported again changes nothing. A file is read once, as a stream,
 * storing rows while they are checked and rolling them back if any row fails, so a file of millions
 * of rows never has to fit in memory. Editors import from the workspace's imports page (in the
 * background) or the API (waiting for the result); either way the import runs as a job of the
 * {@code job} module, so an import the server stopped in the middle ends failed at the next start.
 * Viewers see past imports and the values imported. How each import ended (accepted, rejected or
 * failed) is recorded in the audit log as the person who started it.
 */
package org.fourthpurpose.indicator.importing;
