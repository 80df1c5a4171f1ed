package org.fourthpurpose.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.fourthpurpose.ApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Nobody can fill the public page cache with addresses of their own making, which would push the
 * real pages out: a parameter no page reads and an ICS that does not exist add nothing.
 */
@ApplicationTest
class PublicPageCacheIntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired PublicPageCache cache;

  @Test
  void theHomePageAskedFor450WaysWithMadeUpParametersIsKeptOnce() throws Exception {
    cache.onPublicPagesChanged(new PublicPagesChanged("test"));
    for (int x = 1; x <= 450; x++) {
      mvc.perform(get("/?x=" + x)).andExpect(status().isOk());
    }
    mvc.perform(get("/?x=1&y=2&edition=iod2025&comparator=region")).andExpect(status().isOk());
    assertThat(cache.sizes()).containsExactly(1, 0);
  }

  @Test
  void overviewsOfSystemsThatDoNotExistAreNotKept() throws Exception {
    cache.onPublicPagesChanged(new PublicPagesChanged("test"));
    for (int n = 1; n <= 50; n++) {
      mvc.perform(get("/ics/ZZZ" + n)).andExpect(status().isNotFound());
      mvc.perform(get("/ics/ZZZ" + n + "/profile")).andExpect(status().isNotFound());
    }
    assertThat(cache.sizes()).containsExactly(0, 0);
    mvc.perform(get("/ics/QYG")).andExpect(status().isOk());
    assertThat(cache.sizes()).containsExactly(1, 0);
  }
}
