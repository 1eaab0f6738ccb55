package dev.latchkey.runtime.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.concurrent.CompletableFuture;
import retrofit2.Call;
import retrofit2.CallAdapter;
import retrofit2.HttpException;
import retrofit2.Invocation;
import retrofit2.Response;
import retrofit2.Retrofit;

/**
 * Lets an interface method return its body type {@code T} or {@code Response<T>} directly, run
 * synchronously on the caller's thread. Retrofit only knows {@code Call} and {@code
 * CompletableFuture} on the JVM.
 *
 * <p>A non-2xx answer to a {@code T} method throws Retrofit's {@link HttpException}. An I/O
 * failure, every Latchkey auth failure included ({@code AuthenticationFailedException}, {@code
 * LoginThrottledException} ...):
 *
 * <ul>
 *   <li>through a generated {@code Latchkey<Name>} client: is thrown as the typed exception itself,
 *       never wrapped, whether or not the method declares {@code throws IOException};
 *   <li>through {@code LatchkeyClient.create} by hand: is thrown as is when the method declares
 *       {@code throws IOException} (or a supertype), else wrapped in an {@link
 *       UncheckedIOException}, since a Java proxy may not throw a checked exception its method
 *       does not declare (it would wrap it in an {@code UndeclaredThrowableException}).
 * </ul>
 */
public final class DirectCallAdapterFactory extends CallAdapter.Factory {

  /** The factory; it holds no state. */
  public static DirectCallAdapterFactory create() {
    return new DirectCallAdapterFactory();
  }

  private DirectCallAdapterFactory() {}

  @Override
  public CallAdapter<?, ?> get(Type returnType, Annotation[] annotations, Retrofit retrofit) {
    Class<?> raw = getRawType(returnType);
    if (raw == Call.class || raw == CompletableFuture.class) {
      return null; // Retrofit's own adapters handle these.
    }
    if (raw == Response.class) {
      if (!(returnType instanceof ParameterizedType)) {
        throw new IllegalArgumentException(
            "Response return type must be parameterized as Response<T>");
      }
      Type body = getParameterUpperBound(0, (ParameterizedType) returnType);
      return new ResponseAdapter<>(body);
    }
    return new BodyAdapter<>(returnType);
  }

  /**
   * What a generated client throws for the {@link UncheckedIOException} of a direct method that
   * does not declare {@code throws IOException}: the typed {@code IOException} inside it, thrown
   * as is (Java's checked-exception rule binds the compiler, not the JVM: Kotlin and Retrofit's
   * own suspend support throw checked exceptions the same way).
   *
   * @return never returns normally; declared so callers can write {@code throw unwrap(e)}
   */
  public static RuntimeException unwrap(UncheckedIOException e) {
    throw DirectCallAdapterFactory.<RuntimeException>sneaky(e.getCause());
  }

  private static <T> Response<T> execute(Call<T> call) {
    try {
      return call.execute();
    } catch (IOException e) {
      if (declaresIoException(call)) {
        throw DirectCallAdapterFactory.<RuntimeException>sneaky(e);
      }
      throw new UncheckedIOException(e);
    }
  }

  /** Whether the interface method being called may throw {@code e} as it is. */
  private static boolean declaresIoException(Call<?> call) {
    Invocation invocation = call.request().tag(Invocation.class);
    if (invocation == null) {
      return false;
    }
    Method method = invocation.method();
    for (Class<?> declared : method.getExceptionTypes()) {
      if (declared.isAssignableFrom(IOException.class)) {
        return true;
      }
    }
    return false;
  }

  @SuppressWarnings("unchecked")
  private static <E extends Throwable> E sneaky(Throwable e) throws E {
    throw (E) e;
  }

  private record ResponseAdapter<T>(Type responseType) implements CallAdapter<T, Response<T>> {
    @Override
    public Response<T> adapt(Call<T> call) {
      return execute(call);
    }
  }

  private record BodyAdapter<T>(Type responseType) implements CallAdapter<T, T> {
    @Override
    public T adapt(Call<T> call) {
      Response<T> response = execute(call);
      if (!response.isSuccessful()) {
        throw new HttpException(response);
      }
      return response.body();
    }
  }
}
