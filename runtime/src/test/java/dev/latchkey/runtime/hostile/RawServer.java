package dev.latchkey.runtime.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.HttpUrl;

/**
 * An HTTP/1.1 server on a raw socket, for what MockWebServer cannot send: answers that drip one
 * byte at a time, connections reset in the middle of an answer, header lines of any size. Each
 * request (one per connection: every answer says {@code Connection: close}) goes to a {@link
 * Handler} with its index, so a test scripts "hostile first, sane afterwards".
 */
final class RawServer implements AutoCloseable {
  /** Answers request number {@code index} (from 0) on {@code socket}. */
  interface Handler {
    void handle(int index, String requestHead, Socket socket) throws IOException;
  }

  private final ServerSocket listener;
  private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
    Thread thread = new Thread(r, "raw-server");
    thread.setDaemon(true);
    return thread;
  });
  private final AtomicInteger requests = new AtomicInteger();
  private final List<String> heads = new CopyOnWriteArrayList<>();
  private final Handler handler;

  RawServer(Handler handler) throws IOException {
    this.handler = handler;
    this.listener = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
    pool.execute(this::acceptLoop);
  }

  HttpUrl url(String path) {
    return HttpUrl.get("http://127.0.0.1:" + listener.getLocalPort() + "/" + path);
  }

  /** Requests whose head was read completely. */
  int requestCount() {
    return requests.get();
  }

  List<String> heads() {
    return heads;
  }

  private void acceptLoop() {
    while (!listener.isClosed()) {
      try {
        Socket socket = listener.accept();
        pool.execute(() -> serve(socket));
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      socket.setSoTimeout(10_000);
      String head = readHead(socket.getInputStream());
      if (head == null) {
        return;
      }
      int index = requests.getAndIncrement();
      heads.add(head);
      handler.handle(index, head, socket);
      socket.getOutputStream().flush();
    } catch (IOException clientWentAway) {
      // The client gave up (a timeout) or we reset on purpose.
    }
  }

  /** Reads the request head and any Content-Length body; null if the client sent nothing. */
  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int state = 0;
    while (state < 4) {
      int b = in.read();
      if (b < 0) {
        return head.size() == 0 ? null : head.toString(StandardCharsets.ISO_8859_1);
      }
      head.write(b);
      state = (b == '\r' && state % 2 == 0) || (b == '\n' && state % 2 == 1) ? state + 1 : 0;
    }
    String text = head.toString(StandardCharsets.ISO_8859_1);
    for (String line : text.split("\r\n")) {
      if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
        long length = Long.parseLong(line.substring(15).trim());
        in.readNBytes((int) length);
      }
    }
    return text;
  }

  // ---- building blocks for handlers ----

  /** Writes a whole answer with {@code Connection: close}. */
  static void answer(Socket socket, int code, String headers, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    OutputStream out = socket.getOutputStream();
    out.write(("HTTP/1.1 " + code + " X\r\n" + headers + "Content-Length: " + bytes.length
            + "\r\nConnection: close\r\n\r\n")
        .getBytes(StandardCharsets.ISO_8859_1));
    out.write(bytes);
    out.flush();
  }

  /**
   * Sends a body of unknown length (it ends when the connection closes) and drips it one byte
   * every {@code everyMillis}, so that the read timeout never fires and only a call timeout ends
   * the exchange.
   */
  static void drip(Socket socket, int code, String headers, long everyMillis) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(("HTTP/1.1 " + code + " X\r\n" + headers + "Connection: close\r\n\r\n{")
        .getBytes(StandardCharsets.ISO_8859_1));
    dripBytes(socket, everyMillis);
  }

  /** Writes a space every {@code everyMillis} until the client goes away (or 100 000 spaces). */
  static void dripBytes(Socket socket, long everyMillis) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.flush();
    try {
      for (int i = 0; i < 100_000; i++) {
        out.write(' ');
        out.flush();
        Thread.sleep(everyMillis);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Writes {@code partial} (a truncated answer) and resets the connection (RST, not FIN). */
  static void reset(Socket socket, String partial) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(partial.getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
    try {
      socket.setSoLinger(true, 0);
    } catch (SocketException ignored) {
      // already gone
    }
    socket.close();
  }

  @Override
  public void close() throws IOException {
    listener.close();
    pool.shutdownNow();
    try {
      pool.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
