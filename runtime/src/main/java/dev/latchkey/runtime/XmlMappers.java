package dev.latchkey.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.xml.XmlMapper;

/**
 * The only class that names Jackson XML. The JVM resolves {@code XmlMapper} when this class is
 * first used, which {@link Mappers#xml()} does only for a client built with {@code xml(true)} and
 * after checking the artifact is there; JSON-only users never load it.
 */
final class XmlMappers {
  private XmlMappers() {}

  static ObjectMapper create() {
    return new XmlMapper();
  }
}
