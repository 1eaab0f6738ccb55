package dev.latchkey.spring;

import dev.latchkey.runtime.SessionState;
import dev.latchkey.runtime.spi.ClientDefinition;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * One client's session state, read from memory (never a network call, so a health probe cannot
 * spend a login or trip a throttle): {@code DOWN} when the server refused the credentials (a
 * person must act), {@code UP} otherwise, with the state ({@code LIVE}, {@code RENEWING}, {@code
 * THROTTLED} and until when, ...) in the details.
 */
public final class LatchkeyHealthIndicator implements HealthIndicator {
  private final LatchkeyClients clients;
  private final String bean;
  private final ClientDefinition<?> definition;

  LatchkeyHealthIndicator(LatchkeyClients clients, String bean, ClientDefinition<?> definition) {
    this.clients = clients;
    this.bean = bean;
    this.definition = definition;
  }

  @Override
  public Health health() {
    SessionState state = clients.client(bean).sessionState();
    Health.Builder health = switch (state.status()) {
      case REFUSED -> Health.down();
      case CLOSED -> Health.outOfService();
      default -> Health.up();
    };
    health
        .withDetail("client", definition.name())
        .withDetail("auth", definition.authKind())
        .withDetail("state", state.status().name());
    if (state.until() != null) {
      health.withDetail("until", state.until().toString());
    }
    if (!state.detail().isEmpty()) {
      health.withDetail("detail", state.detail());
    }
    return health.build();
  }
}
