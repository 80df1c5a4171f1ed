/**
 * The determinants catalogue: themes of social and economic development, their indicators with
 * metadata, the values shipped with the product (rolled up from districts and neighbourhoods to
 * integrated care boards), the values an ICS imports itself, and the peer groups ICSs compare
 * themselves with. Its public pages ({@code /indicators}, {@code /indicators/{id}}, {@code
 * /ics/{code}/profile}) and API ({@code /api/v1/indicators}) compare each system with England.
 *
 * <p>The themes follow Step 1 of the NHS Confederation's model framing tool (<i>Unlocking the NHS's
 * social and economic potential</i>, 2022), described in the product's own words.
 */
package org.fourthpurpose.indicator;
