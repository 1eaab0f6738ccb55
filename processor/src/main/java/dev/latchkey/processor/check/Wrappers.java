package dev.latchkey.processor.check;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Return types that wrap the call in another library's async type, which only a call adapter
 * can serve. Retrofit would accept them at compile time and fail at the first call ("Unable to
 * create call adapter"), or, worse, our direct-return adapter would take them for a body type; so
 * each must be declared with {@code @CallAdapters}. Each maps to the artifact that serves it.
 */
public final class Wrappers {
  private static final String RXJAVA3 = "com.squareup.retrofit2:adapter-rxjava3";
  private static final String RXJAVA2 = "com.squareup.retrofit2:adapter-rxjava2";
  private static final String REACTOR = "com.jakewharton.retrofit:retrofit2-reactor-adapter";

  /** Wrapper type (qualified name) to the advice: the adapter artifact, or what to write instead. */
  private static final Map<String, String> KNOWN = Map.ofEntries(
      Map.entry("io.reactivex.rxjava3.core.Single", RXJAVA3),
      Map.entry("io.reactivex.rxjava3.core.Observable", RXJAVA3),
      Map.entry("io.reactivex.rxjava3.core.Flowable", RXJAVA3),
      Map.entry("io.reactivex.rxjava3.core.Maybe", RXJAVA3),
      Map.entry("io.reactivex.rxjava3.core.Completable", RXJAVA3),
      Map.entry("io.reactivex.Single", RXJAVA2),
      Map.entry("io.reactivex.Observable", RXJAVA2),
      Map.entry("io.reactivex.Flowable", RXJAVA2),
      Map.entry("io.reactivex.Maybe", RXJAVA2),
      Map.entry("io.reactivex.Completable", RXJAVA2),
      Map.entry("reactor.core.publisher.Mono", REACTOR),
      Map.entry("reactor.core.publisher.Flux", REACTOR),
      Map.entry(
          "com.google.common.util.concurrent.ListenableFuture",
          "com.squareup.retrofit2:adapter-guava"),
      Map.entry(
          "kotlinx.coroutines.Deferred",
          "an adapter for Deferred (none is maintained: make the method a suspend function instead)"),
      Map.entry(
          "java.util.Optional",
          "an adapter for Optional (or return Call<Optional<T>>, Response<T> or a plain T)"),
      Map.entry(
          "java.util.concurrent.Future", "an adapter for Future (or return CompletableFuture<T>)"));

  /** The wrapper types each well-known adapter factory serves, by factory qualified name. */
  private static final Map<String, Set<String>> FACTORIES = Map.of(
      "retrofit2.adapter.rxjava3.RxJava3CallAdapterFactory",
          Set.of(
              "io.reactivex.rxjava3.core.Single",
              "io.reactivex.rxjava3.core.Observable",
              "io.reactivex.rxjava3.core.Flowable",
              "io.reactivex.rxjava3.core.Maybe",
              "io.reactivex.rxjava3.core.Completable"),
      "retrofit2.adapter.rxjava2.RxJava2CallAdapterFactory",
          Set.of(
              "io.reactivex.Single",
              "io.reactivex.Observable",
              "io.reactivex.Flowable",
              "io.reactivex.Maybe",
              "io.reactivex.Completable"),
      "retrofit2.adapter.guava.GuavaCallAdapterFactory",
          Set.of("com.google.common.util.concurrent.ListenableFuture"),
      "com.jakewharton.retrofit2.adapter.reactor.ReactorCallAdapterFactory",
          Set.of("reactor.core.publisher.Mono", "reactor.core.publisher.Flux"));

  private Wrappers() {}

  /** What to add for {@code qualifiedName}, when it is a wrapper type that needs an adapter. */
  static Optional<String> advice(String qualifiedName) {
    return Optional.ofNullable(KNOWN.get(qualifiedName));
  }

  /** The wrapper types a well-known factory serves; empty for factories we do not know. */
  public static Set<String> servedBy(String factoryQualifiedName) {
    return FACTORIES.getOrDefault(factoryQualifiedName, Set.of());
  }
}
