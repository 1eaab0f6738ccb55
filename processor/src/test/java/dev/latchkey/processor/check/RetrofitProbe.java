package dev.latchkey.processor.check;

import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javax.tools.JavaFileObject;
import okhttp3.RequestBody;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.CallAdapter;
import retrofit2.Converter;
import retrofit2.Response;
import retrofit2.Retrofit;

/**
 * Asks the real Retrofit what it thinks of each method of a compiled interface, so the tests can
 * show that the compile-time checks agree with Retrofit's run-time checks. Converters and call
 * adapters accept everything, as the generated client's do: only Retrofit's own rules remain.
 */
final class RetrofitProbe {
  private RetrofitProbe() {}

  /** Method name to Retrofit's error message, or empty when Retrofit accepts the method. */
  static Map<String, Optional<String>> verdicts(String interfaceName, JavaFileObject... files) {
    Compilation compilation = javac().compile(files);
    assertWithMessage("plain compilation of %s", interfaceName)
        .that(compilation.status())
        .isEqualTo(Compilation.Status.SUCCESS);
    try {
      Class<?> service = new CompiledClassLoader(compilation).loadClass(interfaceName);
      Retrofit retrofit = new Retrofit.Builder()
          .baseUrl("http://localhost/")
          .addCallAdapterFactory(new AnyCallAdapterFactory())
          .addConverterFactory(new AnyConverterFactory())
          .build();
      // Retrofit.create(..) validates lazily on first call; this is the method it runs then.
      Method load =
          Retrofit.class.getDeclaredMethod("loadServiceMethod", Class.class, Method.class);
      load.setAccessible(true);
      Map<String, Optional<String>> verdicts = new LinkedHashMap<>();
      for (Method method : service.getDeclaredMethods()) {
        if (method.isDefault() || Modifier.isStatic(method.getModifiers())) {
          continue;
        }
        verdicts.put(method.getName(), verdict(load, retrofit, service, method));
      }
      return verdicts;
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  private static Optional<String> verdict(
      Method load, Retrofit retrofit, Class<?> service, Method method)
      throws IllegalAccessException {
    try {
      load.invoke(retrofit, service, method);
      return Optional.empty();
    } catch (InvocationTargetException e) {
      return Optional.of(String.valueOf(e.getCause().getMessage()));
    }
  }

  /** Loads the classes of one in-memory compilation. */
  private static final class CompiledClassLoader extends ClassLoader {
    private final Map<String, JavaFileObject> classes = new HashMap<>();

    CompiledClassLoader(Compilation compilation) {
      super(RetrofitProbe.class.getClassLoader());
      for (JavaFileObject file : compilation.generatedFiles()) {
        if (file.getKind() == JavaFileObject.Kind.CLASS) {
          String path = file.toUri().getPath();
          String name = path.substring(
                  path.indexOf("CLASS_OUTPUT/") + "CLASS_OUTPUT/".length(),
                  path.length() - ".class".length())
              .replace('/', '.');
          classes.put(name, file);
        }
      }
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
      JavaFileObject file = classes.get(name);
      if (file == null) {
        throw new ClassNotFoundException(name);
      }
      try (InputStream in = file.openInputStream()) {
        byte[] bytes = in.readAllBytes();
        return defineClass(name, bytes, 0, bytes.length);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Plain T and Response<T>, as the generated client supports; Retrofit keeps Call and futures. */
  private static final class AnyCallAdapterFactory extends CallAdapter.Factory {
    @Override
    public CallAdapter<?, ?> get(Type returnType, Annotation[] annotations, Retrofit retrofit) {
      Class<?> raw = getRawType(returnType);
      if (raw == Call.class || raw == CompletableFuture.class) {
        return null;
      }
      Type responseType = raw == Response.class && returnType instanceof ParameterizedType p
          ? getParameterUpperBound(0, p)
          : returnType;
      return new CallAdapter<Object, Object>() {
        @Override
        public Type responseType() {
          return responseType;
        }

        @Override
        public Object adapt(Call<Object> call) {
          return call;
        }
      };
    }
  }

  /** Converts any type, as Jackson would try to. */
  private static final class AnyConverterFactory extends Converter.Factory {
    @Override
    public Converter<ResponseBody, ?> responseBodyConverter(
        Type type, Annotation[] annotations, Retrofit retrofit) {
      return body -> null;
    }

    @Override
    public Converter<?, RequestBody> requestBodyConverter(
        Type type,
        Annotation[] parameterAnnotations,
        Annotation[] methodAnnotations,
        Retrofit retrofit) {
      return value -> null;
    }
  }
}
