package dev.latchkey.samples.cli;

import dev.latchkey.samples.mediasilo.MediaSiloSample;
import dev.latchkey.samples.ondemand.OnDemandSample;
import dev.latchkey.samples.xandr.XandrSample;
import java.util.ArrayList;
import java.util.List;

/** The samples the CLI knows, by name. Each new sample adds one line to {@link #all()}. */
public final class Samples {
  private Samples() {}

  /** Every sample, in demo order. */
  public static List<Sample> all() {
    return List.of(new OnDemandSample(), new XandrSample(), new MediaSiloSample());
  }

  /** The sample called {@code name}, or a {@link Options.UsageException} listing the known ones. */
  public static Sample named(String name) {
    List<String> names = new ArrayList<>();
    for (Sample sample : all()) {
      if (sample.name().equals(name)) {
        return sample;
      }
      names.add(sample.name());
    }
    throw new Options.UsageException(
        "unknown sample '" + name + "'; known: " + String.join(", ", names));
  }
}
