/**
 * Fourth Purpose: a platform that helps England's integrated care systems support social and economic
 * development. Each sub-package is one feature that owns its tables, pages, API and tests.
 */
package org.fourthpurpose;
