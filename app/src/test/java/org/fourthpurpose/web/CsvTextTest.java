package org.fourthpurpose.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvTextTest {

  @Test
  void quotesEachAwkwardFieldOnceAndWritesNumbersPlainly() {
    String csv =
        new CsvText()
            .row("areaName", "value")
            .row("Bath and North East Somerset, Swindon and Wiltshire", 12.50)
            .row("Say \"hello\"", 1.0E-7)
            .row(null, Double.NaN)
            .toString();

    assertThat(csv.split("\r?\n"))
        .containsExactly(
            "areaName,value",
            "\"Bath and North East Somerset, Swindon and Wiltshire\",12.5",
            "\"Say \"\"hello\"\"\",0.0000001",
            ",");
  }
}
