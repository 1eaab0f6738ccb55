package dev.latchkey.runtime;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The Jackson mappers a client uses unless the user gives one ({@code objectMapper(..)}): JSON
 * with the JavaTime and JDK 8 modules, so that {@code Instant}, {@code LocalDate} and {@code
 * Optional} fields work with no setup, and unknown fields ignored (vendors add fields without
 * notice). XML is built by {@link XmlMappers} only when a client asks for it, so that a JSON-only
 * class path never needs {@code jackson-dataformat-xml}.
 */
public final class Mappers {
  /** The Maven coordinates an {@code @Xml} client needs on its class path. */
  public static final String XML_ARTIFACT =
      "com.fasterxml.jackson.dataformat:jackson-dataformat-xml";

  private static final String XML_MAPPER = "com.fasterxml.jackson.dataformat.xml.XmlMapper";

  private Mappers() {}

  /** A new JSON mapper with the defaults described above. */
  public static ObjectMapper json() {
    return configure(new ObjectMapper());
  }

  /**
   * One default JSON mapper for every client that has no mapper of its own, made on first use
   * (a holder class: no lock, and no Jackson class loaded before a login needs it). Shared, so it
   * must never be reconfigured. For the engines' own reading of answers.
   */
  public static ObjectMapper sharedJson() {
    return SharedJson.MAPPER;
  }

  private static final class SharedJson {
    static final ObjectMapper MAPPER = json();
  }

  /**
   * One JSON mapper without modules, for what the engines read and write themselves as JSON trees
   * (login bodies and answers, JWT claims, login-field literals), made on first use. A tree needs
   * no JavaTime or JDK 8 module, and registering them loads about 150 classes and builds date
   * formatters: a fresh JVM's first token or session login paid for that though it maps no type
   * (issue 17, cold start). Shared, so it must never be reconfigured.
   */
  public static ObjectMapper treeJson() {
    return TreeJson.MAPPER;
  }

  private static final class TreeJson {
    static final ObjectMapper MAPPER = new ObjectMapper();
  }

  /**
   * A new XML mapper with the same defaults.
   *
   * @throws LatchkeyConfigException naming {@link #XML_ARTIFACT} when it is not on the class path
   */
  public static ObjectMapper xml() {
    requireXml();
    return configure(XmlMappers.create());
  }

  /**
   * Refuses a class path without Jackson XML, naming the artifact. A probe of a resource, no class
   * loaded: a client checks it when built, though its XML mapper is made only at the first body.
   */
  static void requireXml() {
    if (!xmlAvailable(Mappers.class.getClassLoader())) {
      throw new LatchkeyConfigException("XML bodies need " + XML_ARTIFACT
          + " on the class path (it is an optional dependency of latchkey-runtime); add it,"
          + " in the version of your jackson-databind");
    }
  }

  /** Whether Jackson XML can be loaded, asked without loading it. */
  static boolean xmlAvailable(ClassLoader loader) {
    return loader.getResource(XML_MAPPER.replace('.', '/') + ".class") != null;
  }

  private static ObjectMapper configure(ObjectMapper mapper) {
    mapper.registerModule(new JavaTimeModule()).registerModule(new Jdk8Module());
    mapper.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    return mapper;
  }
}
