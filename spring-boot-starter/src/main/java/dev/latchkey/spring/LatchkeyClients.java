package dev.latchkey.spring;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.latchkey.runtime.AuthEventListener;
import dev.latchkey.runtime.LatchkeyConfigException;
import dev.latchkey.runtime.spi.BuiltClient;
import dev.latchkey.runtime.spi.ClientDefinition;
import dev.latchkey.runtime.store.SessionStore;
import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * The clients configured under {@code latchkey.clients}, each built once from its properties by
 * {@link ClientConfigurer}: the beans of the clients and their health indicators come from here.
 * Closes the session stores it opened; Spring closes the clients themselves (they are {@code
 * Closeable} beans).
 */
public final class LatchkeyClients implements DisposableBean {
  private static final Bindable<Map<String, LatchkeyClientProperties>> CLIENTS =
      Bindable.mapOf(String.class, LatchkeyClientProperties.class);

  private final Environment environment;
  private final ClassLoader loader;
  private final ObjectProvider<okhttp3.OkHttpClient> okHttpClient;
  private final ObjectProvider<ObjectMapper> objectMapper;
  private final ObjectProvider<AuthEventListener> listeners;
  private final Map<String, Configured> configured;
  private final Map<String, BuiltClient<?>> built = new ConcurrentHashMap<>();
  private final List<SessionStore> stores = new ArrayList<>();

  /** A property key and the generated client it names. */
  record Configured(
      String key, ClientDefinition<?> definition, LatchkeyClientProperties properties) {}

  LatchkeyClients(
      Environment environment,
      ClassLoader loader,
      ObjectProvider<okhttp3.OkHttpClient> okHttpClient,
      ObjectProvider<ObjectMapper> objectMapper,
      ObjectProvider<AuthEventListener> listeners) {
    this.environment = environment;
    this.loader = loader;
    this.okHttpClient = okHttpClient;
    this.objectMapper = objectMapper;
    this.listeners = listeners;
    this.configured = configured(environment, loader);
  }

  /**
   * Binds {@code latchkey.clients} and matches each key to a generated client on the class path.
   *
   * @throws LatchkeyPropertyException for a key no generated client has
   */
  static Map<String, Configured> configured(Environment environment, ClassLoader loader) {
    Map<String, LatchkeyClientProperties> bound = Binder.get(environment)
        .bind(LatchkeyProperties.PREFIX + ".clients", CLIENTS)
        .orElse(Map.of());
    List<ClientDefinition<?>> definitions = ClientDefinition.installed(loader);
    Map<String, Configured> byBean = new LinkedHashMap<>();
    for (Map.Entry<String, LatchkeyClientProperties> entry : bound.entrySet()) {
      String key = entry.getKey();
      ClientDefinition<?> definition = ClientNames.find(key, definitions)
          .orElseThrow(() -> new LatchkeyPropertyException(
              LatchkeyProperties.PREFIX + ".clients." + key,
              "no generated Latchkey client is named '" + key + "'; the class path has: "
                  + ClientNames.list(definitions),
              null));
      Configured previous = byBean.put(
          ClientNames.beanName(definition), new Configured(key, definition, entry.getValue()));
      if (previous != null) {
        throw new LatchkeyPropertyException(
            LatchkeyProperties.PREFIX + ".clients." + key,
            "configures " + definition.name() + " again (also as '" + previous.key() + "')",
            null);
      }
    }
    return byBean;
  }

  /** The configured clients by bean name. */
  public Map<String, ClientDefinition<?>> definitions() {
    Map<String, ClientDefinition<?>> out = new LinkedHashMap<>();
    configured.forEach((bean, c) -> out.put(bean, c.definition()));
    return out;
  }

  /** The client of bean {@code beanName}, built on first use from its properties. */
  public BuiltClient<?> client(String beanName) {
    Configured c = configured.get(beanName);
    Objects.requireNonNull(c, () -> "no Latchkey client bean " + beanName);
    return built.computeIfAbsent(beanName, name -> build(c));
  }

  private BuiltClient<?> build(Configured c) {
    AuthEventListener listener = listener();
    ClientConfigurer configurer = new ClientConfigurer(
        LatchkeyProperties.PREFIX + ".clients." + c.key(),
        c.definition(),
        c.properties(),
        environment);
    SessionStore store = configurer.store(listener, loader);
    if (store != null) {
      synchronized (stores) {
        stores.add(store);
      }
    }
    return configurer.build(
        okHttpClient.getIfUnique(), objectMapper.getIfUnique(), listener, store);
  }

  /** Every {@code AuthEventListener} bean (the metrics one included), in order; none if none. */
  private AuthEventListener listener() {
    List<AuthEventListener> all = listeners.orderedStream().toList();
    if (all.isEmpty()) {
      return AuthEventListener.NONE;
    }
    AuthEventListener combined = all.get(0);
    for (AuthEventListener next : all.subList(1, all.size())) {
      combined = combined.andThen(next);
    }
    return combined;
  }

  @Override
  public void destroy() throws IOException {
    synchronized (stores) {
      for (SessionStore store : stores) {
        if (store instanceof Closeable closeable) {
          closeable.close();
        }
      }
      stores.clear();
    }
  }

  /** Used by the configurer for its messages: the problem with one property. */
  static LatchkeyPropertyException problem(String property, LatchkeyConfigException e) {
    return new LatchkeyPropertyException(property, e.getMessage(), e);
  }
}
