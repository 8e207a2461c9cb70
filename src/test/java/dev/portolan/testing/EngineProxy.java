package dev.portolan.testing;

import dev.portolan.engine.EngineEndpoint;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A loopback TCP proxy in front of the test engine, so a test can make a host "go away"
 * ({@link #cut}: every connection dropped, new ones refused) and come back ({@link #resume})
 * without touching the real engine.
 */
public final class EngineProxy implements AutoCloseable {

    private final SocketAddress target;
    private final Set<SocketChannel> open = ConcurrentHashMap.newKeySet();
    private volatile ServerSocketChannel server;
    private final int port;

    public EngineProxy(EngineEndpoint engine) throws IOException {
        URI host = engine.host();
        target = host.getScheme().equals("unix") ? UnixDomainSocketAddress.of(Path.of(host.getPath()))
                : new InetSocketAddress(host.getHost(), host.getPort());
        server = listen(0);
        port = ((InetSocketAddress) server.getLocalAddress()).getPort();
        accept(server);
    }

    /** The proxy as an endpoint: plain tcp on 127.0.0.1. */
    public EngineEndpoint endpoint(String name) {
        return new EngineEndpoint(name, URI.create("tcp://127.0.0.1:" + port), null, "test proxy");
    }

    /** Drops every connection and refuses new ones. */
    public synchronized void cut() throws IOException {
        server.close();
        for (SocketChannel channel : open) channel.close();
        open.clear();
    }

    /** Accepts connections again, on the same port. */
    public synchronized void resume() throws IOException {
        server = listen(port);
        accept(server);
    }

    private static ServerSocketChannel listen(int port) throws IOException {
        ServerSocketChannel channel = ServerSocketChannel.open();
        channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
        channel.bind(new InetSocketAddress("127.0.0.1", port));
        return channel;
    }

    private void accept(ServerSocketChannel listening) {
        Thread.ofVirtual().name("proxy-accept").start(() -> {
            while (listening.isOpen()) {
                try {
                    SocketChannel client = listening.accept();
                    SocketChannel engine = SocketChannel.open(target);
                    open.add(client);
                    open.add(engine);
                    pump(client, engine);
                    pump(engine, client);
                } catch (IOException closed) {
                    return;
                }
            }
        });
    }

    private void pump(SocketChannel from, SocketChannel to) {
        Thread.ofVirtual().name("proxy-pump").start(() -> {
            ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
            try {
                while (from.read(buffer) >= 0) {
                    buffer.flip();
                    while (buffer.hasRemaining()) to.write(buffer);
                    buffer.clear();
                }
            } catch (IOException closed) {
                // one side went away; close both below
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        });
    }

    private void closeQuietly(SocketChannel channel) {
        open.remove(channel);
        try {
            channel.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        cut();
    }
}
