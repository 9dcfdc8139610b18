package com.sparecast.jobs.storage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real HTTP proxy on loopback in front of an S3 server that injects faults into chosen
 * requests: 503 SlowDown, 500 InternalError, 403 AccessDenied or a connection dropped without a
 * response. Requests it lets through are forwarded byte for byte (so SigV4 signatures, which
 * cover the Host header, stay valid), one request per connection ({@code Connection: close}),
 * and recorded with their final status in arrival order.
 */
final class FaultInjectingProxy implements AutoCloseable {

    enum Fault {
        SLOW_DOWN(503, "Slow Down", "SlowDown", "Please reduce your request rate."),
        INTERNAL_ERROR(500, "Internal Server Error", "InternalError", "We encountered an internal error. Please try again."),
        ACCESS_DENIED(403, "Forbidden", "AccessDenied", "Access Denied"),
        DROP_CONNECTION(0, "", "", "");

        final int status;
        final String phrase;
        final String code;
        final String message;

        Fault(int status, String phrase, String code, String message) {
            this.status = status;
            this.phrase = phrase;
            this.code = code;
            this.message = message;
        }
    }

    /** A fault for requests whose method matches and whose path matches {@code path}, {@code times} times (-1: always). */
    static final class Rule {
        final String method;
        final Pattern path;
        final Fault fault;
        final AtomicInteger remaining;
        final AtomicInteger injected = new AtomicInteger();

        Rule(String method, String pathRegex, Fault fault, int times) {
            this.method = method;
            this.path = Pattern.compile(pathRegex);
            this.fault = fault;
            this.remaining = new AtomicInteger(times);
        }

        boolean take(String requestMethod, String requestPath) {
            if (!method.equals(requestMethod) || !path.matcher(requestPath).matches()) {
                return false;
            }
            while (true) {
                int left = remaining.get();
                if (left == 0) {
                    return false;
                }
                if (left < 0 || remaining.compareAndSet(left, left - 1)) {
                    injected.incrementAndGet();
                    return true;
                }
            }
        }

        int injected() {
            return injected.get();
        }
    }

    /** A forwarded request and the status the server answered (0 if none was seen). */
    record Exchange(String method, String path, int status) {
    }

    private static final Pattern STATUS = Pattern.compile("HTTP/1\\.[01] (\\d{3})");

    private final int upstreamPort;
    private final ServerSocket server;
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fault-proxy");
        t.setDaemon(true);
        return t;
    });
    private final List<Rule> rules = new CopyOnWriteArrayList<>();
    private final List<Exchange> exchanges = new CopyOnWriteArrayList<>();

    FaultInjectingProxy(int upstreamPort) throws IOException {
        this.upstreamPort = upstreamPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        pool.execute(this::accept);
    }

    int port() {
        return server.getLocalPort();
    }

    Rule inject(String method, String pathRegex, Fault fault, int times) {
        Rule rule = new Rule(method, pathRegex, fault, times);
        rules.add(rule);
        return rule;
    }

    void clearRules() {
        rules.clear();
    }

    /** Forwarded requests, in arrival order. */
    List<Exchange> exchanges() {
        return new ArrayList<>(exchanges);
    }

    void clearExchanges() {
        exchanges.clear();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                pool.execute(() -> handle(client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void handle(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            String head = readHead(in);
            if (head == null) {
                return;
            }
            String[] requestLine = head.substring(0, head.indexOf("\r\n")).split(" ");
            String method = requestLine[0];
            String target = requestLine[1];
            String path = target.contains("?") ? target.substring(0, target.indexOf('?')) : target;
            for (Rule rule : rules) {
                if (rule.take(method, path)) {
                    if (rule.fault != Fault.DROP_CONNECTION) {
                        drainBody(in, head);
                    }
                    fail(client, rule.fault, path);
                    return;
                }
            }
            forward(client, in, head, method, path);
        } catch (IOException e) {
            // the client or the server went away: nothing to do for a test proxy
        }
    }

    /**
     * Reads the request body a client sends right after its headers, as a server does before it
     * answers, so the client reads the error instead of failing to write its body. A client that
     * asked {@code Expect: 100-continue} sends no body before an answer.
     */
    private static void drainBody(InputStream in, String head) throws IOException {
        long length = 0;
        for (String line : head.split("\r\n")) {
            String lower = line.toLowerCase(java.util.Locale.ROOT);
            if (lower.startsWith("expect:") && lower.contains("100-continue")) {
                return;
            }
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
            }
        }
        in.skipNBytes(length);
    }

    private static void fail(Socket client, Fault fault, String path) throws IOException {
        if (fault == Fault.DROP_CONNECTION) {
            client.setSoLinger(true, 0); // a reset, as when a load balancer drops the connection
            return;
        }
        byte[] body = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + fault.code + "</Code><Message>"
                + fault.message + "</Message><Resource>" + path + "</Resource><RequestId>fault-proxy</RequestId></Error>")
                .getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + fault.status + " " + fault.phrase + "\r\nContent-Type: application/xml\r\n"
                + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
        OutputStream out = client.getOutputStream();
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
        client.shutdownOutput();
    }

    private void forward(Socket client, InputStream clientIn, String head, String method, String path) throws IOException {
        StringBuilder rewritten = new StringBuilder();
        for (String line : head.split("\r\n")) {
            if (!line.regionMatches(true, 0, "Connection:", 0, 11)) {
                rewritten.append(line).append("\r\n");
            }
        }
        rewritten.append("Connection: close\r\n\r\n");
        try (Socket upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort)) {
            OutputStream upstreamOut = upstream.getOutputStream();
            upstreamOut.write(rewritten.toString().getBytes(StandardCharsets.ISO_8859_1));
            upstreamOut.flush();
            pool.execute(() -> {
                try {
                    clientIn.transferTo(upstreamOut);
                } catch (IOException e) {
                    // closed by the other side
                }
            });
            int status = 0;
            StringBuilder seen = new StringBuilder();
            InputStream upstreamIn = upstream.getInputStream();
            OutputStream clientOut = client.getOutputStream();
            byte[] buffer = new byte[65536];
            for (int n; (n = upstreamIn.read(buffer)) > 0; ) {
                if (status == 0 && seen.length() < 8192) {
                    seen.append(new String(buffer, 0, Math.min(n, 8192), StandardCharsets.ISO_8859_1));
                    Matcher m = STATUS.matcher(seen);
                    while (m.find()) {
                        int code = Integer.parseInt(m.group(1));
                        if (code != 100) {
                            status = code;
                            // Recorded before the client sees the answer, so the order is the client's.
                            exchanges.add(new Exchange(method, path, status));
                            break;
                        }
                    }
                }
                clientOut.write(buffer, 0, n);
                clientOut.flush();
            }
            if (status == 0) {
                exchanges.add(new Exchange(method, path, 0));
            }
        }
    }

    /** The request line and headers up to the blank line, or null at end of stream. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        for (int b; (b = in.read()) >= 0; ) {
            head.write(b);
            matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
            if (matched == 4) {
                String text = head.toString(StandardCharsets.ISO_8859_1);
                return text.substring(0, text.length() - 2);
            }
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        server.close();
        pool.shutdownNow();
    }
}
