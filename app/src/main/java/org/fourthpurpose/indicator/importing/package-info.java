/**
 * Imports of an ICS's own indicator data: a tidy CSV, a Fingertips "download data" CSV or an Excel
 * sheet. Every row is checked before anything is stored; a file with any error is rejected whole,
 * with every error's line and column; an accepted file is stored in one transaction; the same file
 * imported again changes nothing. Files are read as streams, twice (check, then store), so a file
 * of millions of rows never has to fit in memory. Editors import from the workspace's imports page
 * (in the background) or the API (at once); viewers see past imports.
 */
package org.fourthpurpose.indicator.importing;
