package dev.latchkey.samples.ondemand;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;
import java.util.List;

/**
 * The API root ({@code GET /}): the seed says it is where "you can follow the links to explore the
 * API".
 *
 * @param version the API version attribute
 * @param links the links to the API's resources
 */
@JacksonXmlRootElement(localName = "api")
public record ApiRoot(
    @JacksonXmlProperty(isAttribute = true) String version,

    @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "link")
    List<Link> links) {

  public ApiRoot {
    links = links == null ? List.of() : List.copyOf(links);
  }

  /**
   * One link of the API root.
   *
   * @param rel what the link leads to, e.g. {@code products}
   * @param href where, relative to the API root
   */
  public record Link(
      @JacksonXmlProperty(isAttribute = true) String rel,
      @JacksonXmlProperty(isAttribute = true) String href) {}
}
