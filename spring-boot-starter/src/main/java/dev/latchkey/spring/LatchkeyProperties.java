package dev.latchkey.spring;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Everything under {@code latchkey}: the clients by name ({@code latchkey.clients.xandr-api}). */
@ConfigurationProperties(prefix = LatchkeyProperties.PREFIX)
public class LatchkeyProperties {
  /** The prefix of every Latchkey property. */
  public static final String PREFIX = "latchkey";

  private Map<String, LatchkeyClientProperties> clients = new LinkedHashMap<>();

  /**
   * The clients to make beans of, by name: the interface's name in any relaxed form ({@code
   * xandr-api}, {@code XandrApi}).
   */
  public Map<String, LatchkeyClientProperties> getClients() {
    return clients;
  }

  /** Sets {@link #getClients()}. */
  public void setClients(Map<String, LatchkeyClientProperties> clients) {
    this.clients = clients;
  }
}
