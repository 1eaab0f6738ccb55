package dev.latchkey.bench.micro;

import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.function.Function;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * An OkHttp interceptor chain whose network is a function: it runs the given interceptors in
 * order and hands the last request to {@code network}. This measures what an auth interceptor
 * itself costs, without the 50-100 microseconds of a loopback round trip that would drown it.
 * Only what interceptors use is implemented (request, proceed, call, timeouts); the rest throws.
 */
final class FakeChain implements InvocationHandler {
  private final List<Interceptor> interceptors;
  private final int index;
  private final Request request;
  private final Function<Request, Response> network;

  private FakeChain(
      List<Interceptor> interceptors,
      int index,
      Request request,
      Function<Request, Response> network) {
    this.interceptors = interceptors;
    this.index = index;
    this.request = request;
    this.network = network;
  }

  /** Sends {@code request} through {@code interceptors}, then to {@code network}. */
  static Response execute(
      List<Interceptor> interceptors, Request request, Function<Request, Response> network)
      throws IOException {
    return proceed(interceptors, 0, request, network);
  }

  private static Response proceed(
      List<Interceptor> interceptors,
      int index,
      Request request,
      Function<Request, Response> network)
      throws IOException {
    if (index == interceptors.size()) {
      return network.apply(request);
    }
    Interceptor.Chain chain = (Interceptor.Chain) Proxy.newProxyInstance(
        FakeChain.class.getClassLoader(),
        new Class<?>[] {Interceptor.Chain.class},
        new FakeChain(interceptors, index, request, network));
    return interceptors.get(index).intercept(chain);
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    return switch (method.getName()) {
      case "request" -> request;
      case "proceed" -> proceed(interceptors, index + 1, (Request) args[0], network);
      case "call", "connection" -> null;
      case "connectTimeoutMillis", "readTimeoutMillis", "writeTimeoutMillis" -> 10_000;
      case "toString" -> "FakeChain#" + index;
      case "hashCode" -> System.identityHashCode(proxy);
      case "equals" -> proxy == args[0];
      default -> throw new UnsupportedOperationException(method.getName());
    };
  }
}
