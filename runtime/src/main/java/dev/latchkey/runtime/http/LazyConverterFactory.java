package dev.latchkey.runtime.http;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Objects;
import java.util.function.Supplier;
import okhttp3.RequestBody;
import okhttp3.ResponseBody;
import retrofit2.Converter;
import retrofit2.Retrofit;

/**
 * A converter factory made on first use. Building a Jackson {@code ObjectMapper} costs a fresh JVM
 * hundreds of classes, an {@code XmlMapper} more (issue 17: a third of a cold start's first call),
 * while a client whose methods return {@code ResponseBody}, {@code Void} or a {@code String} never
 * needs one: Retrofit answers those with its built-in converters before it asks this factory.
 * For factories that convert bodies only, as Jackson's does: string conversion ({@code @Query},
 * {@code @Path}) is left to Retrofit's default and never makes the factory. Thread-safe; the
 * supplier runs at most once.
 */
public final class LazyConverterFactory extends Converter.Factory {
  private final Supplier<Converter.Factory> supplier;
  private volatile Converter.Factory factory;

  private LazyConverterFactory(Supplier<Converter.Factory> supplier) {
    this.supplier = supplier;
  }

  /** A factory that calls {@code supplier} when Retrofit first asks it for a converter. */
  public static LazyConverterFactory of(Supplier<Converter.Factory> supplier) {
    return new LazyConverterFactory(Objects.requireNonNull(supplier, "supplier"));
  }

  private Converter.Factory factory() {
    Converter.Factory made = factory;
    if (made == null) {
      synchronized (this) {
        made = factory;
        if (made == null) {
          made = Objects.requireNonNull(supplier.get(), "converter factory");
          factory = made;
        }
      }
    }
    return made;
  }

  /** True once the wrapped factory has been made (for tests). */
  boolean made() {
    return factory != null;
  }

  @Override
  public Converter<ResponseBody, ?> responseBodyConverter(
      Type type, Annotation[] annotations, Retrofit retrofit) {
    return factory().responseBodyConverter(type, annotations, retrofit);
  }

  @Override
  public Converter<?, RequestBody> requestBodyConverter(
      Type type,
      Annotation[] parameterAnnotations,
      Annotation[] methodAnnotations,
      Retrofit retrofit) {
    return factory().requestBodyConverter(type, parameterAnnotations, methodAnnotations, retrofit);
  }
}
