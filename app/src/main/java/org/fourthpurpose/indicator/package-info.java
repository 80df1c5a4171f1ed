/**
 * The determinants catalogue: themes of social and economic development, their indicators with
 * metadata, and their values for every integrated care board, region and England, with intervals
 * and the comparison with England. Its pages ({@code /indicators}, {@code /indicators/{id}}) and
 * API ({@code /api/v1/indicators}) are public. Its sub-packages are internal: {@code shipped} loads
 * the values shipped with the product (rolled up from districts and neighbourhoods) and {@code
 * importing} takes an ICS's own values.
 *
 * <p>The themes follow Step 1 of the NHS Confederation's model framing tool (<i>Unlocking the NHS's
 * social and economic potential</i>, 2022), described in the product's own words.
 */
@ApplicationModule(
    allowedDependencies = {
      "account",
      "audit",
      "backup",
      "chart",
      "csv",
      "geography",
      "job",
      "reference",
      "statistics",
      "web"
    })
package org.fourthpurpose.indicator;

import org.springframework.modulith.ApplicationModule;
