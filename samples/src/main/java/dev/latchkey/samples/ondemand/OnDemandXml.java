package dev.latchkey.samples.ondemand;

/** The simulator's response bodies, in the shape {@link ApiRoot} and {@link Products} read. */
final class OnDemandXml {
  private OnDemandXml() {}

  static String root() {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<api version=\"1\">\n"
        + "  <link rel=\"self\" href=\"/\"/>\n"
        + "  <link rel=\"products\" href=\"products\"/>\n"
        + "</api>\n";
  }

  static String products() {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<products>\n"
        + product("P-1001", "The Long Night", "movie")
        + product("P-1002", "Harbour Lights", "series")
        + product("P-1003", "Morning Report", "episode")
        + "</products>\n";
  }

  private static String product(String id, String title, String type) {
    return "  <product id=\"" + id + "\">\n"
        + "    <title>" + title + "</title>\n"
        + "    <type>" + type + "</type>\n"
        + "  </product>\n";
  }

  static String error(String message) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<error>" + message + "</error>\n";
  }
}
