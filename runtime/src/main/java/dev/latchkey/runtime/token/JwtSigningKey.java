package dev.latchkey.runtime.token;

import dev.latchkey.runtime.LatchkeyConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Objects;

/**
 * The key for JWT login: the user the token is for ({@code sub}), the name the server knows the
 * matching public key by ({@code kid}), and the RSA private key that signs (RS256).
 *
 * <p>{@link #toString()} never shows the key.
 *
 * @param user the API user name, sent as the {@code sub} claim
 * @param keyName the registered public key's name, sent as the {@code kid} header
 * @param key the RSA private key
 */
public record JwtSigningKey(String user, String keyName, PrivateKey key) {
  private static final String BEGIN = "-----BEGIN PRIVATE KEY-----";
  private static final String END = "-----END PRIVATE KEY-----";

  public JwtSigningKey {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(keyName, "keyName");
    Objects.requireNonNull(key, "key");
    if (!"RSA".equals(key.getAlgorithm())) {
      throw new LatchkeyConfigException(
          "JwtSigningKey: RS256 needs an RSA key, not " + key.getAlgorithm());
    }
  }

  /**
   * Reads an unencrypted PKCS#8 PEM file ({@code -----BEGIN PRIVATE KEY-----}). A PKCS#1 file
   * ({@code BEGIN RSA PRIVATE KEY}) can be converted with {@code openssl pkcs8 -topk8 -nocrypt}.
   *
   * @throws LatchkeyConfigException naming the file (never its content) if it cannot be used
   */
  public static JwtSigningKey fromPem(String user, String keyName, Path pkcs8Pem) {
    String pem;
    try {
      pem = Files.readString(pkcs8Pem, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new LatchkeyConfigException(
          "JwtSigningKey: cannot read " + pkcs8Pem + ": " + e.getClass().getSimpleName());
    }
    int begin = pem.indexOf(BEGIN);
    int end = pem.indexOf(END);
    if (begin < 0 || end < begin) {
      String hint = pem.contains("BEGIN RSA PRIVATE KEY")
          ? " (it is PKCS#1; convert it with: openssl pkcs8 -topk8 -nocrypt -in KEY -out KEY.pk8.pem)"
          : "";
      throw new LatchkeyConfigException(
          "JwtSigningKey: " + pkcs8Pem + " holds no PKCS#8 '" + BEGIN + "' block" + hint);
    }
    try {
      byte[] der = Base64.getMimeDecoder().decode(pem.substring(begin + BEGIN.length(), end));
      PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
      return new JwtSigningKey(user, keyName, key);
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      throw new LatchkeyConfigException(
          "JwtSigningKey: " + pkcs8Pem + " is not an RSA PKCS#8 private key");
    }
  }

  @Override
  public String toString() {
    return "JwtSigningKey{user=" + user + ", keyName=" + keyName + ", key=██}";
  }
}
