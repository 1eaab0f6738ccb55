package dev.latchkey.runtime.token;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.latchkey.runtime.UserPassword;
import dev.latchkey.runtime.http.SecretBody;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import okhttp3.Credentials;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * Writes the password login call in the shape the annotation describes: a JSON body (fields at
 * pointers), a form, or no body at all; the user and password in the body or as HTTP Basic; the
 * fixed fields; the static headers. The body is a {@link SecretBody} (one-shot, wiped after the
 * call) whenever it carries the password.
 */
final class LoginRequest {
  private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");
  private static final MediaType FORM_TYPE = MediaType.get("application/x-www-form-urlencoded");
  /** RFC 9110 section 8.6: a POST without content still states its length; OkHttp sends 0. */
  private static final byte[] NOTHING = new byte[0];

  private final LoginShape shape;
  private final LoginFields fields;
  private final String usernameField;
  private final String passwordField;

  LoginRequest(LoginShape shape, String usernameField, String passwordField) {
    this.shape = shape;
    this.fields = LoginFields.parse(shape.loginFields(), shape.loginBody(), "loginFields");
    this.usernameField = usernameField;
    this.passwordField = passwordField;
  }

  /** The login request to {@code url}, with the static headers' values as they are now. */
  Request build(HttpUrl url, UserPassword credentials) throws IOException {
    Map<String, String> values = StaticHeaders.bySetter(shape.headers());
    Function<String, String> headers = setter -> values.getOrDefault(setter, "");
    char[] password = credentials.password();
    try {
      Request.Builder request = new Request.Builder().url(url).post(body(credentials.user(), password, headers));
      if (shape.loginBasic()) {
        request.header("Authorization", Credentials.basic(credentials.user(), new String(password), StandardCharsets.UTF_8));
      }
      StaticHeaders.addTo(request, shape.headers());
      return request.build();
    } finally {
      Arrays.fill(password, '\0');
    }
  }

  private RequestBody body(String user, char[] password, Function<String, String> headers) throws IOException {
    boolean credentialsInBody = !shape.loginBasic();
    switch (shape.loginBody()) {
      case NONE:
        return RequestBody.create(NOTHING, null); // no Content-Type at all
      case FORM: {
        Map<String, String> form = new LinkedHashMap<>();
        if (credentialsInBody) {
          form.put(usernameField, user);
          form.put(passwordField, new String(password));
        }
        fields.addTo(form, headers);
        return new SecretBody(formBytes(form), FORM_TYPE);
      }
      default: {
        ObjectNode root = JsonAnswers.JSON.createObjectNode();
        fields.putInto(root, headers);
        if (credentialsInBody) {
          LoginFields.put(root, JsonPointer.compile(usernameField), TextNode.valueOf(user));
          LoginFields.put(root, JsonPointer.compile(passwordField), TextNode.valueOf(new String(password)));
        }
        return new SecretBody(JsonAnswers.JSON.writeValueAsBytes(root), JSON_TYPE);
      }
    }
  }

  /** {@code application/x-www-form-urlencoded} as HTML specifies it (spaces as '+'). */
  private static byte[] formBytes(Map<String, String> form) {
    StringBuilder text = new StringBuilder();
    for (Map.Entry<String, String> field : form.entrySet()) {
      if (text.length() > 0) {
        text.append('&');
      }
      text.append(java.net.URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8)).append('=')
          .append(java.net.URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8));
    }
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }
}
