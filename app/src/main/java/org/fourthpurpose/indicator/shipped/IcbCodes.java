package org.fourthpurpose.indicator.shipped;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.fourthpurpose.geography.IntegratedCareBoard;

/**
 * Resolves the ICB codes NHS and ONS series use to the April 2024 ICBs: ODS codes (e.g. QE1) and
 * 2024 ONS codes directly; the July 2022 ONS codes of Surrey Heartlands (E54000052) and Sussex
 * (E54000053) to their 2024 codes, although their boundaries changed in April 2024.
 */
final class IcbCodes {

  static final Map<String, String> CODES_2022 =
      Map.of("E54000052", "E54000063", "E54000053", "E54000064");

  private final Map<String, String> byCode = new HashMap<>();

  IcbCodes(Iterable<IntegratedCareBoard> icbs) {
    for (IntegratedCareBoard icb : icbs) {
      byCode.put(icb.code(), icb.code());
      byCode.put(icb.odsCode().toUpperCase(Locale.ROOT), icb.code());
    }
    CODES_2022.forEach((old, current) -> byCode.put(old, current));
  }

  /** The 2024 ONS code, or null when the code is not an ICB. */
  String resolve(String code) {
    return code == null ? null : byCode.get(code.strip().toUpperCase(Locale.ROOT));
  }
}
