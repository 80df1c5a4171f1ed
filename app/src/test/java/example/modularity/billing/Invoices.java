package example.modularity.billing;

import example.modularity.orders.internal.OrderStore;

/** Reaches into the orders module's internals: the violation the test expects to be found. */
public class Invoices {
  int open() {
    return new OrderStore().count();
  }
}
