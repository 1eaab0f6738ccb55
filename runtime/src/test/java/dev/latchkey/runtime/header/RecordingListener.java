package dev.latchkey.runtime.header;

import dev.latchkey.runtime.AuthEvent;
import dev.latchkey.runtime.AuthEventListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every event, for assertions. */
final class RecordingListener implements AuthEventListener {
  final List<AuthEvent> events = new CopyOnWriteArrayList<>();

  @Override
  public void onEvent(AuthEvent event) {
    events.add(event);
  }

  long count(AuthEvent.Type type) {
    return events.stream().filter(e -> e.type() == type).count();
  }
}
