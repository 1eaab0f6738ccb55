package dev.latchkey.runtime.spi;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * One generated client, as a framework sees it: the interface, its name, its kind of
 * authentication, what its builder takes, and a fresh builder. The annotation processor writes one
 * implementation per public annotated interface ({@code Latchkey<Name>Definition}) and lists it in
 * {@code META-INF/services/dev.latchkey.runtime.spi.ClientDefinition}, so {@link #installed} finds
 * every client on the class path by reading those index files only: no class-path scanning, no
 * reflection on generated code.
 *
 * @param <T> the annotated interface
 */
public interface ClientDefinition<T> {

  /** The annotated interface, the type the client implements. */
  Class<T> type();

  /** The client's name: the interface's simple name, as in events ({@code OnDemandApi}). */
  String name();

  /** The kind of authentication: {@code digest}, {@code token} or {@code header}. */
  String authKind();

  /** The declared environments' names, in source order. */
  List<String> environments();

  /** The builder setters of the interface's static headers ({@code hostContext}, {@code apiKey}). */
  Set<String> staticHeaders();

  /** The static header setters whose values are secrets (never logged or shown). */
  Set<String> secretHeaders();

  /** Whether the builder takes a session store (token login and header sessions). */
  boolean takesSessionStore();

  /** A new builder for one client. */
  ClientBuilder<T> newBuilder();

  /**
   * Every client definition the class loader's {@code META-INF/services} index lists, by name. An
   * index entry whose class is gone (a stale index after a partial recompile) is skipped rather than
   * failing every other client.
   */
  static List<ClientDefinition<?>> installed(ClassLoader loader) {
    List<ClientDefinition<?>> found = new ArrayList<>();
    @SuppressWarnings("rawtypes")
    var iterator = ServiceLoader.load(ClientDefinition.class, loader).iterator();
    while (true) {
      try {
        if (!iterator.hasNext()) {
          break;
        }
        found.add(iterator.next());
      } catch (ServiceConfigurationError stale) {
        // ServiceLoader goes on with the next entry after an error (see its iterator's contract).
      }
    }
    found.sort(Comparator.comparing(ClientDefinition::name));
    return List.copyOf(found);
  }
}
