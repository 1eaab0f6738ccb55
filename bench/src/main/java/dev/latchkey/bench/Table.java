package dev.latchkey.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A Markdown table, built row by row, printed to the console and written into the docs. */
public final class Table {
  private final String title;
  private final List<String> header;
  private final List<List<String>> rows = new ArrayList<>();

  public Table(String title, String... header) {
    this.title = title;
    this.header = List.of(header);
  }

  /** Adds a row; values are turned into text with {@link String#valueOf}. */
  public Table row(Object... values) {
    if (values.length != header.size()) {
      throw new IllegalArgumentException(
          values.length + " values for " + header.size() + " columns");
    }
    List<String> row = new ArrayList<>();
    for (Object value : values) {
      row.add(String.valueOf(value));
    }
    rows.add(row);
    return this;
  }

  public String title() {
    return title;
  }

  /** GitHub-flavoured Markdown, numbers right-aligned by the reader's renderer. */
  public String markdown() {
    StringBuilder out = new StringBuilder();
    line(out, header);
    out.append('|');
    header.forEach(h -> out.append(" --- |"));
    out.append('\n');
    rows.forEach(row -> line(out, row));
    return out.toString();
  }

  private static void line(StringBuilder out, List<String> cells) {
    out.append('|');
    for (String cell : cells) {
      out.append(' ').append(cell.replace("|", "\\|")).append(" |");
    }
    out.append('\n');
  }

  /** A number with {@code decimals} places, fixed notation. */
  public static String num(double value, int decimals) {
    return String.format(Locale.ROOT, "%." + decimals + "f", value);
  }
}
