package org.fourthpurpose.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PageStoreTest {

  private final PageStore<String> store = new PageStore<>(3, 10, String::length);

  @Test
  void forgetsThePageUsedLeastRecentlyWhenEntriesRunOut() {
    store.put("a", "1");
    store.put("b", "2");
    store.put("c", "3");
    store.get("a");
    store.put("d", "4");
    assertThat(store.get("b")).isNull();
    assertThat(store.get("a")).isEqualTo("1");
    assertThat(store.size()).isEqualTo(3);
    assertThat(store.bytes()).isEqualTo(3);
  }

  @Test
  void forgetsPagesUntilANewOneFitsTheByteBudget() {
    store.put("a", "1234");
    store.put("b", "5678");
    store.put("c", "abcdef");
    assertThat(store.get("a")).isNull();
    assertThat(store.get("b")).isEqualTo("5678");
    assertThat(store.bytes()).isEqualTo(10);
  }

  @Test
  void keepsNoPageLargerThanTheWholeBudgetAndCountsAReplacedPageOnce() {
    store.put("a", "12345678901");
    assertThat(store.size()).isZero();
    store.put("b", "12");
    store.put("b", "123");
    assertThat(store.bytes()).isEqualTo(3);
    store.clear();
    assertThat(store.size()).isZero();
    assertThat(store.bytes()).isZero();
  }
}
