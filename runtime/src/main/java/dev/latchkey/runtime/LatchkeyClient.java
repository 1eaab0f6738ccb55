package dev.latchkey.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.latchkey.runtime.http.CredentialOrigins;
import dev.latchkey.runtime.http.DirectCallAdapterFactory;
import dev.latchkey.runtime.http.LazyConverterFactory;
import dev.latchkey.runtime.logging.HttpLog;
import dev.latchkey.runtime.logging.Redactor;
import dev.latchkey.runtime.tls.TlsPolicy;
import java.io.Closeable;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import retrofit2.CallAdapter;
import retrofit2.Converter;
import retrofit2.Retrofit;
import retrofit2.converter.jackson.JacksonConverterFactory;

/**
 * An authenticated HTTP client: one base URL, one {@link AuthScheme}, and Retrofit proxies made
 * from it. Generated {@code Latchkey<Name>} classes hold one of these; it can also be used by hand.
 *
 * <p>Thread-safe and immutable once built. {@link #close()} releases what the client owns: the
 * scheme's resources (a server session), and the OkHttp dispatcher and connections when no {@code
 * OkHttpClient} was supplied.
 */
public final class LatchkeyClient implements Closeable {
  private final String name;
  private final HttpUrl baseUrl;
  private final AuthScheme scheme;
  private final OkHttpClient okHttpClient;
  private final Retrofit retrofit;
  private final Closeable schemeResources;
  private final boolean ownsOkHttp;
  private final Redactor redactor = new Redactor();
  private volatile boolean closed;

  private LatchkeyClient(Builder builder, HttpUrl baseUrl) {
    this.name = builder.name;
    this.baseUrl = baseUrl;
    this.scheme = builder.scheme;
    this.ownsOkHttp = builder.okHttpClient == null;
    OkHttpClient base = ownsOkHttp ? new OkHttpClient() : builder.okHttpClient;
    // Nagle off on our sockets (see NoDelaySocketFactory); a customizer may still replace it.
    OkHttpClient.Builder plain =
        base.newBuilder().socketFactory(NoDelaySocketFactory.wrap(base.socketFactory()));
    for (UnaryOperator<OkHttpClient.Builder> customizer : builder.customizers) {
      plain = customizer.apply(plain);
    }
    OkHttpClient plainClient = plain.build();
    linkLogs(plainClient);
    // Login answers are JSON even for an @Xml client (Xandr, MediaSilo): the user's mapper when
    // given, else (null) a shared default one, made at the first login that needs it.
    ObjectMapper json = builder.objectMapper;
    AuthContext context = new AuthContext(
        name,
        baseUrl,
        builder.clock,
        builder.listener,
        plainClient,
        CredentialOrigins.of(baseUrl, builder.resolveOrigins()),
        redactor,
        json);
    OkHttpClient.Builder authenticated = plainClient.newBuilder();
    this.schemeResources = scheme.install(context, authenticated);
    this.okHttpClient = authenticated.build();
    this.retrofit = retrofit(builder);
  }

  /**
   * Redaction by construction: every {@link HttpLog} on the client, whoever built it and with
   * whatever redactor, also masks the secrets this client's engines register (issue 14, defect 7).
   */
  private void linkLogs(OkHttpClient client) {
    for (List<Interceptor> interceptors :
        List.of(client.interceptors(), client.networkInterceptors())) {
      for (Interceptor interceptor : interceptors) {
        if (interceptor instanceof HttpLog log) {
          log.redactor().include(redactor);
        }
      }
    }
  }

  /**
   * Retrofit as the user configured it around ours: their call adapters and converters are asked
   * first, in the order added (Retrofit tries factories in order, the first non-null wins), then
   * the direct-return adapter and the Jackson converter; the user's hook runs last, so it can
   * change anything but the base URL and the authenticated client.
   */
  private Retrofit retrofit(Builder builder) {
    Retrofit.Builder retrofit = new Retrofit.Builder();
    // Loops, not forEach(method reference): each lambda is a class spun on a fresh JVM's path to
    // its first call, which is where a client is built (issue 17, cold start).
    for (CallAdapter.Factory factory : builder.callAdapterFactories) {
      retrofit.addCallAdapterFactory(factory);
    }
    for (Converter.Factory factory : builder.converterFactories) {
      retrofit.addConverterFactory(factory);
    }
    ObjectMapper own = builder.objectMapper;
    boolean xml = builder.xml;
    retrofit
        .addCallAdapterFactory(DirectCallAdapterFactory.create())
        // Made when a method first needs it: a cold start (a client of raw bodies, the CLI's
        // call) does not build a mapper it never uses (issue 17).
        .addConverterFactory(
            LazyConverterFactory.of(() -> JacksonConverterFactory.create(bodyMapper(own, xml))));
    if (builder.callbackExecutor != null) {
      retrofit.callbackExecutor(builder.callbackExecutor);
    }
    for (Consumer<Retrofit.Builder> hook : builder.retrofitHooks) {
      hook.accept(retrofit);
    }
    return retrofit.baseUrl(baseUrl).client(okHttpClient).build();
  }

  private static ObjectMapper bodyMapper(ObjectMapper own, boolean xml) {
    if (own != null) {
      return own;
    }
    return xml ? Mappers.xml() : Mappers.sharedJson(); // the default body mapper, with modules
  }

  /** Starts a client named {@code name} (used in events and {@code toString()}). */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /**
   * The redactor the engines of this client register their live secrets with (tokens, session
   * keys, API keys, passwords): a log that masks through it masks them with no further setup.
   */
  public Redactor redactor() {
    return redactor;
  }

  /** A Retrofit proxy of {@code service} that calls through this client. */
  public <T> T create(Class<T> service) {
    return retrofit.create(service);
  }

  public HttpUrl baseUrl() {
    return baseUrl;
  }

  /** The authenticated OkHttp client, for calls that do not fit the interface. */
  public OkHttpClient okHttpClient() {
    return okHttpClient;
  }

  public Retrofit retrofit() {
    return retrofit;
  }

  /**
   * What this client knows about its authentication now (live, renewing, refused, throttled until
   * a time), read from memory: no network call. {@link SessionState.Status#UNKNOWN} for a scheme
   * that reports nothing.
   */
  public SessionState sessionState() {
    if (closed) {
      return SessionState.of(SessionState.Status.CLOSED);
    }
    return schemeResources instanceof InstalledScheme installed
        ? installed.sessionState()
        : SessionState.of(SessionState.Status.UNKNOWN);
  }

  /** The kind of authentication: {@code digest}, {@code token}, {@code header}. */
  public String authKind() {
    return scheme.kind();
  }

  /** The name given to {@link #builder(String)}, used in events. */
  public String name() {
    return name;
  }

  @Override
  public void close() throws IOException {
    closed = true;
    try {
      schemeResources.close();
    } finally {
      if (ownsOkHttp) {
        okHttpClient.dispatcher().executorService().shutdown();
        okHttpClient.connectionPool().evictAll();
      }
    }
  }

  @Override
  public String toString() {
    return name + "{baseUrl=" + baseUrl + ", auth=" + scheme.kind() + "}";
  }

  /** Configures a {@link LatchkeyClient}. Not thread-safe; each {@link #build()} makes a new client. */
  public static final class Builder {
    private final String name;
    private final Map<String, String> environments = new LinkedHashMap<>();
    private final Map<String, String> environmentProperties = new LinkedHashMap<>();
    private final List<UnaryOperator<OkHttpClient.Builder>> customizers = new ArrayList<>();
    private final List<String> addedOrigins = new ArrayList<>();
    private String environment;
    private String baseUrl;
    private AuthScheme scheme;
    private OkHttpClient okHttpClient;
    private Clock clock = Clock.systemUTC();
    private AuthEventListener listener = AuthEventListener.NONE;
    private boolean xml;
    private TlsPolicy.Builder tls;
    private final List<Converter.Factory> converterFactories = new ArrayList<>();
    private final List<CallAdapter.Factory> callAdapterFactories = new ArrayList<>();
    private final List<Consumer<Retrofit.Builder>> retrofitHooks = new ArrayList<>();
    private ObjectMapper objectMapper;
    private Executor callbackExecutor;

    private Builder(String name) {
      this.name = Objects.requireNonNull(name, "name");
    }

    /** Declares an environment with a literal base URL. */
    public Builder declareEnvironment(String name, String baseUrl) {
      environments.put(name, baseUrl);
      return this;
    }

    /**
     * Declares an environment whose base URL comes from configuration: the system property {@code
     * key}, else the environment variable named like it in upper case with dots as underscores.
     */
    public Builder declareEnvironmentProperty(String name, String key) {
      environmentProperties.put(name, key);
      return this;
    }

    /** Selects a declared environment. A later {@link #baseUrl} wins. */
    public Builder environment(String name) {
      this.environment = Objects.requireNonNull(name, "environment");
      return this;
    }

    /**
     * Lets credentials also go to {@code url}'s origin (scheme, host and port; the path is
     * ignored), besides the base URL's: for an API that answers "next" links or redirects on a
     * second host of its own. Nothing is signed, logged in or replayed for any other origin.
     */
    public Builder addOrigin(String url) {
      addedOrigins.add(Objects.requireNonNull(url, "url"));
      return this;
    }

    /** Calls this base URL (absolute, ending in {@code /}). Wins over {@link #environment}. */
    public Builder baseUrl(String baseUrl) {
      this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
      return this;
    }

    public Builder auth(AuthScheme scheme) {
      this.scheme = Objects.requireNonNull(scheme, "scheme");
      return this;
    }

    /** An OkHttp client to extend (timeouts, proxies, interceptors). It is not closed by us. */
    public Builder okHttpClient(OkHttpClient client) {
      this.okHttpClient = Objects.requireNonNull(client, "okHttpClient");
      return this;
    }

    /** Adds a step to the unauthenticated client, applied in order: TLS pinning, logging. */
    public Builder customize(UnaryOperator<OkHttpClient.Builder> customizer) {
      customizers.add(Objects.requireNonNull(customizer, "customizer"));
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    public Builder eventListener(AuthEventListener listener) {
      this.listener = Objects.requireNonNull(listener, "eventListener");
      return this;
    }

    /**
     * Bodies are XML (Jackson XML) instead of JSON. Needs {@value Mappers#XML_ARTIFACT} on the class
     * path, an optional dependency: {@link #build()} throws {@link LatchkeyConfigException} naming
     * it when it is missing.
     */
    public Builder xml(boolean xml) {
      this.xml = xml;
      return this;
    }

    /**
     * Adds a converter for bodies (Gson, Moshi, scalars, protobuf ...). Converters are asked in the
     * order added, before the built-in Jackson one, which takes every type nobody claimed: add
     * converters that claim only some types (scalars) before catch-all ones.
     */
    public Builder addConverterFactory(Converter.Factory factory) {
      converterFactories.add(Objects.requireNonNull(factory, "converterFactory"));
      return this;
    }

    /**
     * Adds a call adapter for return types such as RxJava's {@code Single}, Reactor's {@code Mono}
     * or Guava's {@code ListenableFuture}. Adapters are asked in the order added, before the
     * built-in ones ({@code Call}, {@code CompletableFuture}, {@code Response<T>}, plain {@code
     * T}, Kotlin {@code suspend}).
     */
    public Builder addCallAdapterFactory(CallAdapter.Factory factory) {
      callAdapterFactories.add(Objects.requireNonNull(factory, "callAdapterFactory"));
      return this;
    }

    /**
     * The Jackson mapper for request and response bodies and for login and session answers,
     * replacing the default ({@link Mappers#json()}, or {@link Mappers#xml()} for {@link #xml}
     * clients). It is used as given: register the modules your models need.
     */
    public Builder objectMapper(ObjectMapper mapper) {
      this.objectMapper = Objects.requireNonNull(mapper, "objectMapper");
      return this;
    }

    /**
     * Where {@code Call.enqueue} callbacks and {@code CompletableFuture} completions run
     * (Retrofit's {@code callbackExecutor}); OkHttp's dispatcher threads unless set.
     */
    public Builder callbackExecutor(Executor executor) {
      this.callbackExecutor = Objects.requireNonNull(executor, "callbackExecutor");
      return this;
    }

    /**
     * Any other {@link Retrofit.Builder} setting (for example {@code
     * validateEagerly(true)}), applied in order after Latchkey's own. The base URL and the
     * authenticated OkHttp client are set after the hooks and cannot be replaced: use {@link
     * #baseUrl} and {@link #okHttpClient}.
     */
    public Builder retrofit(Consumer<Retrofit.Builder> hook) {
      retrofitHooks.add(Objects.requireNonNull(hook, "retrofit"));
      return this;
    }

    /**
     * Uses {@code policy} for TLS, replacing every TLS setting made so far on this builder (earlier
     * {@link #pins}, {@link #trustPem} or {@code tls} calls, including pins generated from
     * {@code @PinCertificates}); later {@link #pins} and {@link #trustPem} calls change it further.
     * {@code tls(TlsPolicy.platformDefault())} removes all pins. When the client is built, pin
     * overrides from configuration ({@code LATCHKEY_PINS}, {@code latchkey.pins.<host-pattern>})
     * replace the pins of their pattern if this policy declares the pattern or it covers the base
     * URL's host; see {@link TlsPolicy}.
     */
    public Builder tls(TlsPolicy policy) {
      tlsBuilder();
      this.tls = Objects.requireNonNull(policy, "tls").toBuilder();
      return this;
    }

    /**
     * Pins hosts matching {@code hostPattern} ({@code host}, {@code *.host}, {@code **.host}) to
     * these SPKI pins ({@code sha256/<base64>}), replacing earlier pins of the same pattern: a
     * later call overrides a default. With pins, hosts no pattern covers fail closed (see {@link
     * TlsPolicy}).
     *
     * @throws LatchkeyConfigException at once, naming the bad pattern or pin
     */
    public Builder pins(String hostPattern, String... pins) {
      tlsBuilder().pins(hostPattern, pins);
      return this;
    }

    /**
     * Trusts the CA certificates in {@code pemText} beside the platform roots (a private or test
     * CA).
     *
     * @throws LatchkeyConfigException at once if the text holds no decodable certificate
     */
    public Builder trustPem(String pemText) {
      tlsBuilder().addTrustedPem(pemText);
      return this;
    }

    /** The TLS settings, registering the one customizer that applies them on first use. */
    private TlsPolicy.Builder tlsBuilder() {
      if (tls == null) {
        tls = TlsPolicy.builder();
        customize(this::applyTls);
      }
      return tls;
    }

    private OkHttpClient.Builder applyTls(OkHttpClient.Builder builder) {
      TlsPolicy policy = tls.build().withOverrides(resolveBaseUrl().host());
      return policy.applyTo(builder, listener, clock);
    }

    /**
     * Builds the client.
     *
     * @throws LatchkeyConfigException if a setting is missing or wrong, if {@link #xml} is set
     *     without Jackson XML on the class path, or if the class path holds two OkHttp jars
     */
    public LatchkeyClient build() {
      if (scheme == null) {
        throw new LatchkeyConfigException(name + ": no authentication scheme configured");
      }
      OkHttpClassPath.checkOkHttpsOwnClassPath();
      if (xml && objectMapper == null) {
        Mappers.requireXml(); // at build, not at the first XML body (the mapper is made lazily)
      }
      HttpUrl baseUrl = resolveBaseUrl();
      if (tls == null
          && TlsPolicy.platformDefault().withOverrides(baseUrl.host()).hasPins()) {
        // Pin overrides from configuration (LATCHKEY_PINS, latchkey.pins.<host>) are for every
        // client whose host they cover, also one whose interface has no @PinCertificates and
        // whose builder made no TLS call (issue 14, defect 5): an operator pinning a host must
        // not depend on how the code was written. Without overrides nothing is installed.
        tlsBuilder();
      }
      return new LatchkeyClient(this, baseUrl);
    }

    private HttpUrl resolveBaseUrl() {
      String url = baseUrl;
      String source = "baseUrl";
      if (url == null && environment != null) {
        source = "environment '" + environment + "'";
        if (environments.containsKey(environment)) {
          url = environments.get(environment);
        } else if (environmentProperties.containsKey(environment)) {
          String key = environmentProperties.get(environment);
          url = lookup(key);
          if (url == null || url.isBlank()) {
            throw new LatchkeyConfigException(name + ": environment '" + environment
                + "' takes its base URL from system property '" + key
                + "' or environment variable '" + envName(key) + "', and neither is set");
          }
        } else {
          throw new LatchkeyConfigException(
              name + ": unknown environment '" + environment + "'; declared: " + declaredNames());
        }
      }
      if (url == null) {
        throw new LatchkeyConfigException(name
            + ": no base URL; call baseUrl(..) or environment(..) with one of " + declaredNames());
      }
      HttpUrl parsed = HttpUrl.parse(url);
      if (parsed == null) {
        throw new LatchkeyConfigException(name + ": " + source + " is not an http(s) URL: " + url);
      }
      if (!parsed.encodedPath().endsWith("/")) {
        throw new LatchkeyConfigException(name + ": " + source + " must end in '/': " + url);
      }
      return parsed;
    }

    private List<HttpUrl> resolveOrigins() {
      List<HttpUrl> origins = new ArrayList<>();
      for (String url : addedOrigins) {
        HttpUrl parsed = HttpUrl.parse(url);
        if (parsed == null) {
          throw new LatchkeyConfigException(name + ": addOrigin is not an http(s) URL: " + url);
        }
        origins.add(parsed);
      }
      return origins;
    }

    private List<String> declaredNames() {
      List<String> names = new ArrayList<>(environments.keySet());
      names.addAll(environmentProperties.keySet());
      return names;
    }

    private static String lookup(String key) {
      String value = System.getProperty(key);
      return value != null ? value : System.getenv(envName(key));
    }

    static String envName(String key) {
      return key.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
    }
  }
}
