package org.fourthpurpose.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class NulRefusingBodyAdviceTest {

  static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void findsNulInNestedTextAndFieldNames() {
    assertThat(NulRefusingBodyAdvice.firstNul(JSON.readTree("{\"a\":\"x\",\"b\":[1,\"ok\"]}"), "$"))
        .isNull();
    assertThat(
            NulRefusingBodyAdvice.firstNul(
                JSON.readTree("{\"a\":{\"b\":[\"ok\",\"x\\u0000y\"]}}"), "$"))
        .isEqualTo("$.a.b[1]");
    assertThat(NulRefusingBodyAdvice.firstNul(JSON.readTree("{\"a\\u0000\":1}"), "$"))
        .isEqualTo("$.a\uFFFD");
    assertThat(NulRefusingBodyAdvice.firstNul(JSON.readTree("\"\\u0000\""), "$")).isEqualTo("$");
  }
}
