package org.fourthpurpose.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.fourthpurpose.web.PublicPagesChanged;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Before the indicator values have been loaded once (the first ~12 s after a first start), pages
 * built from them say the figures are still loading and the API answers 503 with Retry-After,
 * instead of an empty table read as "no different from England".
 */
@org.fourthpurpose.ApplicationTest
class StillLoadingIntegrationTest {

  private static final String CHESHIRE = "E54000008";

  @Autowired MockMvc mvc;
  @Autowired ReferenceDataLoader loader;
  @Autowired ApplicationEventPublisher events;

  @AfterEach
  void loaded() {
    loader.recall();
  }

  @Test
  void whileIndicatorValuesAreNotLoadedPagesSaySoAndTheApiAnswers503WithRetryAfter()
      throws Exception {
    // As on a first start: nothing cached, and the indicator values not loaded yet.
    events.publishEvent(new PublicPagesChanged("a test of the first start"));
    loader.forget("indicators");

    String page =
        mvc.perform(get("/ics/" + CHESHIRE + "/profile"))
            .andExpect(status().isServiceUnavailable())
            .andExpect(header().string("Retry-After", "10"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page)
        .contains("The figures are still loading")
        .doesNotContain("significantly")
        .doesNotContain("<table");
    for (String path :
        new String[] {
          "/ics/" + CHESHIRE + "/profile/themes/employment",
          "/indicators",
          "/indicators/employment-rate",
          "/ics/" + CHESHIRE + "/profile.csv"
        }) {
      mvc.perform(get(path))
          .andExpect(status().isServiceUnavailable())
          .andExpect(header().string("Retry-After", "10"));
    }
    mvc.perform(get("/api/v1/icbs/" + CHESHIRE + "/profile").accept(MediaType.APPLICATION_JSON))
        .andExpect(status().isServiceUnavailable())
        .andExpect(header().string("Retry-After", "10"))
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.type").value("https://fourthpurpose.org/problems/still-loading"))
        .andExpect(jsonPath("$.status").value(503));
    mvc.perform(get("/api/v1/indicators/employment-rate/values").accept(MediaType.APPLICATION_JSON))
        .andExpect(status().isServiceUnavailable());
    // Pages that do not need the indicator values are served as usual.
    mvc.perform(get("/ics/" + CHESHIRE)).andExpect(status().isOk());
    mvc.perform(get("/api/v1/icbs/" + CHESHIRE)).andExpect(status().isOk());

    // Once loaded, the page is whole: the "still loading" answer was never cached.
    loader.recall();
    assertThat(
            mvc.perform(get("/ics/" + CHESHIRE + "/profile"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString())
        .doesNotContain("The figures are still loading")
        .contains("<table");
  }
}
