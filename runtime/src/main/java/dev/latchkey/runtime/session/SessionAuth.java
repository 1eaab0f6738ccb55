package dev.latchkey.runtime.session;

import dev.latchkey.runtime.AuthContext;
import dev.latchkey.runtime.InstalledScheme;
import dev.latchkey.runtime.logging.Redactor;
import dev.latchkey.runtime.session.SessionRecipe.CarrierKind;
import dev.latchkey.runtime.session.SessionRecipe.StaticHeader;
import dev.latchkey.runtime.session.SessionRecipe.TokenIn;
import dev.latchkey.runtime.store.InMemorySessionStore;
import java.util.ArrayList;
import java.util.List;
import okhttp3.OkHttpClient;

/**
 * Installs the session engine for a {@link SessionRecipe}: the only entry point of this package,
 * used by {@code TokenScheme} and {@code HeaderScheme}. Internal: users configure those schemes.
 */
public final class SessionAuth {
  private SessionAuth() {}

  /**
   * Adds the session interceptor, the origin guard (first among the network interceptors, so a
   * user's network log shows what really leaves) and, for a cookie carrier, the session cookie
   * jar to {@code builder}; registers the recipe's secrets with the client's redactor. Returns what
   * ends the session when the client closes, and the engine's session state read from memory.
   */
  public static InstalledScheme install(
      SessionRecipe recipe, AuthContext context, OkHttpClient.Builder builder) {
    SessionRecipe.Carrier carrier = recipe.carrier();
    List<String> guarded = new ArrayList<>();
    guarded.add("Authorization");
    if (carrier.kind() == CarrierKind.HEADER) {
      guarded.add(carrier.name());
    }
    for (SessionRecipe.StaticHeader header : recipe.headers()) { // no lambda: cold start
      guarded.add(header.name());
    }
    if (recipe.csrf() != null) {
      guarded.add(recipe.csrf().header());
    }
    CredentialGuard guard = new CredentialGuard(
        context.origins(), guarded, carrier.kind() == CarrierKind.QUERY ? carrier.name() : null);
    register(recipe, context.redactor());

    SessionCookieJar jar = carrier.kind() == CarrierKind.COOKIE
        ? new SessionCookieJar(context.plainClient().cookieJar(), carrier.name(), context.origins())
        : null;
    // The login goes through the plain client (never the authenticated chain, whose interceptor
    // would wait for the very session being opened), guarded like every call.
    OkHttpClient.Builder login = context.plainClient().newBuilder();
    login.networkInterceptors().add(0, guard);
    Carry carry = new Carry(carrier, recipe.headers(), recipe.csrf(), jar, context.redactor());
    Diagnosis diagnosis = new Diagnosis(context.clientName(), recipe.headers());
    // The store is always there: a client without a shared one keeps its session in its own memory.
    boolean shared = recipe.store() != null;
    SessionEngine engine = new SessionEngine(
        recipe,
        context,
        new Opener(recipe, context, login.build(), diagnosis, carry),
        shared ? recipe.store() : new InMemorySessionStore(),
        shared);
    builder.addInterceptor(new SessionInterceptor(recipe, context, engine, carry, diagnosis));
    if (jar != null) {
      builder.cookieJar(jar);
    }
    builder.networkInterceptors().add(0, guard);
    return InstalledScheme.of(engine::close, engine::state);
  }

  /**
   * Redaction by construction (issue 14, defect 7): the secret headers' names and values, the
   * carrier's name, and the field the token comes in (a login answer is logged before the engine
   * has read the token out of it: MediaSilo's {@code {"id": ..}}). Tokens and passwords are
   * registered by the engine as it meets them.
   */
  private static void register(SessionRecipe recipe, Redactor redactor) {
    for (StaticHeader header : recipe.headers()) {
      if (header.secret()) {
        redactor.redactHeader(
            header.name()); // its values are registered by Carry as they are asked
      }
    }
    if (recipe.csrf() != null) {
      redactor.redactHeader(recipe.csrf().header());
    }
    SessionRecipe.Carrier carrier = recipe.carrier();
    if (carrier.kind() == CarrierKind.HEADER) {
      redactor.redactHeader(carrier.name());
    }
    SessionRecipe.Login login = recipe.login();
    if (login != null && login.token().in() == TokenIn.POINTER) {
      String pointer = login.token().name();
      redactor.redactField(pointer.substring(pointer.lastIndexOf('/') + 1));
    } else if (login != null && login.token().in() == TokenIn.HEADER) {
      redactor.redactHeader(login.token().name());
    }
  }
}
