package dev.latchkey.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares the Retrofit call adapters an interface's methods need, so that the processor can check
 * every return type at compile time. Without it, a method may return only what Latchkey serves
 * itself: {@code Call<T>}, {@code Response<T>}, {@code CompletableFuture<T>}, {@code
 * CompletableFuture<Response<T>>}, a plain {@code T}, or (Kotlin) be a {@code suspend} function;
 * any other wrapper type, such as RxJava's {@code Single} or Reactor's {@code Mono}, is a compile
 * error naming the adapter artifact to add.
 *
 * <pre>{@code
 * @TokenLogin(...)
 * @CallAdapters(factories = RxJava3CallAdapterFactory.class)   // the builder installs it
 * public interface ReportsApi {
 *   @GET("report") Single<Report> report();
 * }
 *
 * @CallAdapters(wrappers = ListenableFuture.class)           // you pass the factory yourself:
 * // LatchkeyReportsApi.builder().addCallAdapterFactory(GuavaCallAdapterFactory.create())
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface CallAdapters {
  /**
   * {@code retrofit2.CallAdapter.Factory} classes with a public static no-argument {@code create()}
   * method; the generated builder adds each ({@code Factory.create()}) before the user's own
   * {@code addCallAdapterFactory} calls. The wrapper types of Retrofit's RxJava 2 and 3, Guava and
   * Java 8 adapters and of Jake Wharton's Reactor adapter are known; for any other factory, list
   * its wrapper types in {@link #wrappers}.
   */
  Class<?>[] factories() default {};

  /**
   * Return types (their raw classes, e.g. {@code Single.class}) served by an adapter that the
   * user passes to the builder's {@code addCallAdapterFactory}, or by one of {@link #factories}.
   */
  Class<?>[] wrappers() default {};
}
