package example.modularity.orders.internal;

/** Internal to the orders module: public in Java, but not part of the module's API. */
public class OrderStore {
  public int count() {
    return 0;
  }
}
