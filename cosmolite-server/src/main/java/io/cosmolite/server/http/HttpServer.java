package io.cosmolite.server.http;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.DefaultEventExecutorGroup;
import io.netty.util.concurrent.EventExecutorGroup;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import javax.net.ssl.SSLEngine;

/**
 * The Netty server. Limits bound what one client can make it hold: request line 16 KB, headers
 * 64 KB, body {@link #MAX_BODY_BYTES}, idle connections closed after {@link #IDLE_SECONDS}.
 */
public final class HttpServer implements AutoCloseable {
    /** Largest request body: a 2 MB item or batch plus room for its envelope. */
    public static final int MAX_BODY_BYTES = 2 * 1024 * 1024 + 64 * 1024;
    static final int MAX_INITIAL_LINE = 16 * 1024;
    static final int MAX_HEADER_BYTES = 64 * 1024;
    static final int IDLE_SECONDS = 300;
    private static final int WORKER_THREADS = 64;

    private final EventLoopGroup boss = new NioEventLoopGroup(1);
    private final EventLoopGroup io = new NioEventLoopGroup(Math.max(2, Runtime.getRuntime().availableProcessors()));
    private final EventExecutorGroup workers = new DefaultEventExecutorGroup(WORKER_THREADS);
    private static final long QUIET_MILLIS = 20;
    /** The open connections, closed by {@link #close} while the event loops still run. */
    private final ChannelGroup connections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private final Channel channel;

    /**
     * Binds and starts serving.
     *
     * @param host   the address to bind
     * @param port   the port, 0 for a free one
     * @param tls    makes the server side of each connection's TLS, or null for plain HTTP
     * @param handler answers each request
     * @param errors builds the response for a transport-level refusal (status, message)
     */
    public HttpServer(String host, int port, Supplier<SSLEngine> tls, Handler handler,
                      BiFunction<Integer, String, Response> errors) throws InterruptedException {
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(boss, io)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        connections.add(ch);
                        ChannelPipeline p = ch.pipeline();
                        p.addLast(new IdleStateHandler(0, 0, IDLE_SECONDS, TimeUnit.SECONDS));
                        if (tls != null) {
                            p.addLast(new SslHandler(tls.get()));
                        }
                        p.addLast(new HttpServerCodec(MAX_INITIAL_LINE, MAX_HEADER_BYTES, 8192));
                        p.addLast(new HttpServerKeepAliveHandler());
                        p.addLast(new BoundedAggregator(errors));
                        p.addLast(workers, new GatewayHandler(handler, errors, tls != null ? "https" : "http"));
                    }
                });
        try {
            this.channel = bootstrap.bind(host, port).sync().channel();
        } catch (Exception e) {
            // A failed bind (rethrown undeclared by Netty) must not leave the event loops running.
            shutdownGroups();
            throw e;
        }
    }

    /**
     * Runs Netty's static set-up (platform probing, the pooled allocator, the event loop, the HTTP
     * codec and the TLS handler), which a first start otherwise does on its own thread.
     */
    public static void preload() {
        ClassLoader loader = HttpServer.class.getClassLoader();
        for (Class<?> type : List.of(PooledByteBufAllocator.class, NioEventLoopGroup.class, NioServerSocketChannel.class,
                ServerBootstrap.class, HttpServerCodec.class, HttpObjectAggregator.class, SslHandler.class)) {
            try {
                Class.forName(type.getName(), true, loader);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e); // cannot happen: the class literal names a loaded class
            }
        }
    }

    /** The bound port. */
    public int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
        connections.close().syncUninterruptibly();
        shutdownGroups();
    }

    /**
     * Stops the event loops together, each once it has had no task for a few milliseconds. A closed
     * connection's teardown still hops between its I/O loop and its gateway handler's worker after
     * the close completes; stopped one after the other without that quiet time, a loop was gone
     * before the hop and Netty logged a RejectedExecutionException for each connection a client held.
     */
    private void shutdownGroups() {
        List<Future<?>> stopped = new ArrayList<>();
        for (EventExecutorGroup group : List.of(boss, io, workers)) {
            stopped.add(group.shutdownGracefully(QUIET_MILLIS, 2000, TimeUnit.MILLISECONDS));
        }
        stopped.forEach(Future::syncUninterruptibly);
    }

    /** Aggregates bodies up to the limit and answers a larger one with Cosmos's 413. */
    private static final class BoundedAggregator extends HttpObjectAggregator {
        private final BiFunction<Integer, String, Response> errors;

        BoundedAggregator(BiFunction<Integer, String, Response> errors) {
            super(MAX_BODY_BYTES, true);
            this.errors = errors;
        }

        @Override
        protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
            // Keep the connection: closing it before the client has sent the rest of the body makes
            // the client see a broken pipe instead of the 413. The aggregator discards what follows.
            Response r = errors.apply(413, "Request size is too large.");
            GatewayHandler.write(ctx, r, true);
        }
    }
}
