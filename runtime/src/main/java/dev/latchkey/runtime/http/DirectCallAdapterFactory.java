package dev.latchkey.runtime.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.concurrent.CompletableFuture;
import retrofit2.Call;
import retrofit2.CallAdapter;
import retrofit2.HttpException;
import retrofit2.Response;
import retrofit2.Retrofit;

/**
 * Lets an interface method return its body type {@code T} or {@code Response<T>} directly, run
 * synchronously on the caller's thread. Retrofit only knows {@code Call} and {@code
 * CompletableFuture} on the JVM.
 *
 * <p>A non-2xx answer to a {@code T} method throws Retrofit's {@link HttpException}; an I/O
 * failure (including every Latchkey auth failure) throws {@link UncheckedIOException} wrapping the
 * typed {@code IOException}. Generated clients unwrap it again for methods that declare {@code
 * throws IOException}.
 */
public final class DirectCallAdapterFactory extends CallAdapter.Factory {

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
        throw new IllegalArgumentException("Response return type must be parameterized as Response<T>");
      }
      Type body = getParameterUpperBound(0, (ParameterizedType) returnType);
      return new ResponseAdapter<>(body);
    }
    return new BodyAdapter<>(returnType);
  }

  private static <T> Response<T> execute(Call<T> call) {
    try {
      return call.execute();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
