package dev.latchkey.samples.ondemand;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;
import java.util.List;

/**
 * The product list ({@code GET /products}).
 *
 * @param items the products
 */
@JacksonXmlRootElement(localName = "products")
public record Products(
    @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "product")
    List<Product> items) {

  public Products {
    items = items == null ? List.of() : List.copyOf(items);
  }

  /**
   * One product.
   *
   * @param id the product id attribute
   * @param title the title
   * @param type movie, series, episode...
   */
  public record Product(
      @JacksonXmlProperty(isAttribute = true) String id, String title, String type) {}
}
