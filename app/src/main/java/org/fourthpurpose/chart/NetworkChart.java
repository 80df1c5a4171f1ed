package org.fourthpurpose.chart;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The layout of a network drawn on a circle: nodes placed around it group by group (such as
 * organisations by type), each group's name written outside its arc, and links drawn as curves
 * bowed towards the centre, thicker for stronger links. Drawn by {@code chart/network :: network}.
 *
 * <p>The layout is deterministic: groups in the order given, nodes within a group by label and then
 * key, positions rounded to a tenth of a unit, so the same network always draws the same picture.
 * Nodes carry a short key (such as "7") beside them and their full name in a tooltip; the page's
 * table alternative lists every key, node and link in words, so colour (one series colour per
 * group, repeating after five) only repeats what the group labels say.
 *
 * @param nodes every node, in drawing order
 * @param links every link whose two ends are nodes of the chart, strongest last (drawn on top)
 * @param groups each group's label and where it is written
 */
public record NetworkChart(
    List<Node> nodes, List<Link> links, List<Group> groups, int width, int height) {

  public static final int WIDTH = 720;
  public static final int HEIGHT = 560;

  /** The circle's radius: room outside it for keys and group labels. */
  public static final double RADIUS = 190;

  private static final double CENTRE_X = WIDTH / 2.0;
  private static final double CENTRE_Y = HEIGHT / 2.0;

  /** The share of the circle left empty between two groups, as a fraction of one node's step. */
  private static final double GROUP_GAP = 1.5;

  /**
   * One node to draw.
   *
   * @param key a short, unique key written beside the node, such as "7"
   * @param label the node's name, for its tooltip
   * @param group the group it belongs to (its label), such as "NHS trust"
   * @param size how large to draw it, 0 or more (such as its number of commitments)
   */
  public record Item(String key, String label, String group, double size) {}

  /**
   * A link between two nodes, by key.
   *
   * @param weight its strength, 1 or more (such as the number of themes the two share)
   * @param label what the link is, in words, for its tooltip
   */
  public record Connection(String from, String to, double weight, String label) {}

  /** A laid-out node: its centre, radius, colour class and where its key is written. */
  public record Node(
      String key,
      String label,
      String group,
      double x,
      double y,
      double radius,
      String cssClass,
      double keyX,
      double keyY,
      String anchor) {}

  /**
   * A laid-out link: an SVG path from one node to another, bowed towards the centre.
   *
   * @param strength 1 to 3, the step of its line's width ({@link #strength})
   */
  public record Link(String from, String to, String label, String path, int strength) {

    public String cssClass() {
      return "fp-chart__link fp-chart__link--" + strength;
    }
  }

  /** A group's label, written outside the middle of its arc. */
  public record Group(String label, int size, double x, double y, String anchor, String cssClass) {}

  /**
   * Lays out {@code items} grouped in {@code groupOrder} (groups not named there follow, by name)
   * and the {@code connections} between them; a connection naming an unknown key, or joining a node
   * to itself, is left out.
   */
  public static NetworkChart of(
      List<Item> items, List<Connection> connections, List<String> groupOrder) {
    Map<String, List<Item>> byGroup = new LinkedHashMap<>();
    for (String g : groupOrder) {
      byGroup.put(g, new ArrayList<>());
    }
    List<Item> sortedItems = new ArrayList<>(items);
    sortedItems.sort(Comparator.comparing(Item::group));
    for (Item item : sortedItems) {
      byGroup.computeIfAbsent(item.group(), g -> new ArrayList<>()).add(item);
    }
    byGroup.values().removeIf(List::isEmpty);
    Comparator<Item> order = Comparator.comparing(Item::label).thenComparing(Item::key);
    byGroup.values().forEach(l -> l.sort(order));

    int n = items.size();
    double steps = n + GROUP_GAP * (byGroup.size() > 1 ? byGroup.size() : 0);
    double step = n == 0 ? 0 : 2 * Math.PI / steps;
    double maxSize = items.stream().mapToDouble(Item::size).max().orElse(0);

    List<Node> nodes = new ArrayList<>();
    List<Group> groups = new ArrayList<>();
    Map<String, Node> byKey = new HashMap<>();
    double position = 0;
    int groupIndex = 0;
    for (Map.Entry<String, List<Item>> group : byGroup.entrySet()) {
      String cssClass = "fp-series-" + (groupIndex % 5 + 1);
      double first = position;
      for (Item item : group.getValue()) {
        double angle = angle(position, step);
        double radius = maxSize <= 0 ? 5 : 4 + 6 * Math.sqrt(Math.max(0, item.size()) / maxSize);
        double keyDistance = RADIUS + radius + 8;
        Node node =
            new Node(
                item.key(),
                item.label(),
                item.group(),
                round(CENTRE_X + RADIUS * Math.cos(angle)),
                round(CENTRE_Y + RADIUS * Math.sin(angle)),
                round(radius),
                cssClass,
                round(CENTRE_X + keyDistance * Math.cos(angle)),
                round(CENTRE_Y + keyDistance * Math.sin(angle) + 4),
                anchor(angle));
        nodes.add(node);
        byKey.putIfAbsent(item.key(), node);
        position += 1;
      }
      double middle = angle((first + position - 1) / 2, step);
      double labelDistance = RADIUS + 40;
      groups.add(
          new Group(
              group.getKey(),
              group.getValue().size(),
              round(CENTRE_X + labelDistance * Math.cos(middle)),
              round(CENTRE_Y + labelDistance * Math.sin(middle) + 4),
              anchor(middle),
              cssClass));
      if (byGroup.size() > 1) {
        position += GROUP_GAP;
      }
      groupIndex++;
    }

    List<Link> links = new ArrayList<>();
    for (Connection c : connections) {
      Node a = byKey.get(c.from());
      Node b = byKey.get(c.to());
      if (a == null || b == null || a == b) {
        continue;
      }
      int strength = strength(c.weight());
      // A quadratic curve through a control point halfway to the centre keeps links off the nodes.
      double cx = round((a.x() + b.x()) / 4 + CENTRE_X / 2);
      double cy = round((a.y() + b.y()) / 4 + CENTRE_Y / 2);
      links.add(
          new Link(
              a.key(),
              b.key(),
              c.label(),
              "M"
                  + text(a.x())
                  + " "
                  + text(a.y())
                  + " Q"
                  + text(cx)
                  + " "
                  + text(cy)
                  + " "
                  + text(b.x())
                  + " "
                  + text(b.y()),
              strength));
    }
    links.sort(
        Comparator.comparingInt(Link::strength).thenComparing(Link::from).thenComparing(Link::to));
    return new NetworkChart(nodes, links, groups, WIDTH, HEIGHT);
  }

  /** A link's width step: 1 for a weight of 1 or less, 2 for up to 3, 3 for more. */
  static int strength(double weight) {
    return weight <= 1 ? 1 : weight <= 3 ? 2 : 3;
  }

  /** The angle of a position around the circle, starting at the top and going clockwise. */
  private static double angle(double position, double step) {
    return -Math.PI / 2 + position * step;
  }

  /** Text on the right half of the circle starts at its point; on the left half it ends there. */
  private static String anchor(double angle) {
    double x = Math.cos(angle);
    if (Math.abs(x) < 0.2) {
      return "middle";
    }
    return x > 0 ? "start" : "end";
  }

  private static double round(double v) {
    return Math.round(v * 10) / 10.0;
  }

  private static String text(double v) {
    return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
  }
}
