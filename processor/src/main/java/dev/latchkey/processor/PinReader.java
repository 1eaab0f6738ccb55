package dev.latchkey.processor;

import com.sun.source.util.Trees;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Reads the {@code @PinCertificates} of an interface, written one by one (javac then wraps them in
 * {@code @PinCertificatesList}) or inside an explicit container. A bad pin would otherwise only
 * fail when the client is built, so every rule OkHttp's {@code CertificatePinner} enforces is
 * checked here, on the value that breaks it.
 */
final class PinReader {
  static final String PIN_CERTIFICATES = "dev.latchkey.annotations.PinCertificates";
  static final String PIN_CERTIFICATES_LIST = "dev.latchkey.annotations.PinCertificatesList";

  private final Elements elements;
  private final Trees trees;
  private final Reporter reporter;

  /** {@code trees} may be null: errors on repeated annotations then point at the interface. */
  PinReader(Elements elements, Trees trees, Reporter reporter) {
    this.elements = elements;
    this.trees = trees;
    this.reporter = reporter;
  }

  /** The valid pin declarations, in source order; every invalid one is reported. */
  List<PinModel> read(TypeElement iface) {
    List<Mirror> mirrors = new ArrayList<>();
    Mirror.find(iface, PIN_CERTIFICATES, elements).ifPresent(mirrors::add);
    Mirror.find(iface, PIN_CERTIFICATES_LIST, elements)
        .ifPresent(container -> mirrors.addAll(
            container.repeated(AnnotationSource.find(trees, iface, PIN_CERTIFICATES))));
    List<PinModel> result = new ArrayList<>();
    Set<String> hosts = new HashSet<>();
    for (Mirror annotation : mirrors) {
      String host = annotation.string("host");
      boolean valid = checkHost(annotation, host);
      if (valid && !hosts.add(host)) {
        annotation.error(reporter, "host", Diagnostic.PIN_HOST_DUPLICATE, host);
        valid = false;
      }
      valid &= checkPins(annotation, host);
      if (valid) {
        result.add(new PinModel(host, annotation.strings("pins")));
      }
    }
    return result;
  }

  private boolean checkHost(Mirror annotation, String host) {
    return Syntax.hostPatternProblem(host)
        .map(why -> {
          annotation.error(reporter, "host", Diagnostic.PIN_BAD_HOST, host, why);
          return false;
        })
        .orElse(true);
  }

  private boolean checkPins(Mirror annotation, String host) {
    List<String> pins = annotation.strings("pins");
    if (pins.isEmpty()) {
      annotation.error(reporter, "pins", Diagnostic.PINS_EMPTY, host);
      return false;
    }
    boolean valid = true;
    for (int i = 0; i < pins.size(); i++) {
      String pin = pins.get(i);
      if (!pin.startsWith(Syntax.PIN_PREFIX)) {
        annotation.error(reporter, "pins", i, Diagnostic.PIN_NO_PREFIX, pin);
        valid = false;
        continue;
      }
      int length = Syntax.strictBase64Length(pin.substring(Syntax.PIN_PREFIX.length()));
      if (length < 0) {
        annotation.error(reporter, "pins", i, Diagnostic.PIN_BAD_BASE64, pin);
        valid = false;
      } else if (length != Syntax.SHA256_BYTES) {
        annotation.error(reporter, "pins", i, Diagnostic.PIN_WRONG_LENGTH, pin, length);
        valid = false;
      }
    }
    return valid;
  }
}
