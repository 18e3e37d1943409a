package io.cosmolite.server.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.timeout.IdleStateEvent;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns a Netty request into a {@link Request}, runs the handler, writes the {@link Response}. */
final class GatewayHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private static final Logger LOG = LoggerFactory.getLogger(GatewayHandler.class);

    private final Handler handler;
    private final BiFunction<Integer, String, Response> errors;
    private final String scheme;

    GatewayHandler(Handler handler, BiFunction<Integer, String, Response> errors, String scheme) {
        this.handler = handler;
        this.errors = errors;
        this.scheme = scheme;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest msg) {
        boolean keepAlive = HttpUtil.isKeepAlive(msg);
        if (msg.decoderResult().isFailure()) {
            String why = msg.decoderResult().cause() == null ? "malformed request"
                    : msg.decoderResult().cause().getMessage();
            int status = why != null && why.contains("header") ? 431 : 400;
            write(ctx, errors.apply(status, status == 431
                    ? "Request headers are too large." : "The request is malformed: " + why), false);
            return;
        }
        Response response;
        try {
            response = handler.handle(toRequest(ctx, msg));
        } catch (IllegalArgumentException e) {
            response = errors.apply(400, "The request is malformed: " + e.getMessage());
        } catch (RuntimeException | LinkageError | AssertionError e) {
            // A bug (or a jar replaced under a running server) answers 500 on this connection
            // rather than closing it under the client with no response at all.
            LOG.error("unexpected fault serving {} {}", msg.method(), msg.uri(), e);
            response = errors.apply(500, "An internal error occurred: " + e);
        }
        write(ctx, response, keepAlive);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof IdleStateEvent) {
            ctx.close();
        } else {
            super.userEventTriggered(ctx, evt);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("connection fault", cause);
        ctx.close();
    }

    private Request toRequest(ChannelHandlerContext ctx, FullHttpRequest msg) {
        QueryStringDecoder uri = new QueryStringDecoder(msg.uri(), StandardCharsets.UTF_8, true);
        String rawPath = uri.rawPath();
        List<String> segments = new ArrayList<>();
        for (String s : rawPath.split("/")) {
            if (!s.isEmpty()) {
                segments.add(percentDecode(s));
            }
        }
        Map<String, String> query = new HashMap<>();
        uri.parameters().forEach((k, v) -> query.put(k, v.isEmpty() ? "" : v.get(0)));
        Map<String, String> headers = new HashMap<>();
        for (Map.Entry<String, String> h : msg.headers()) {
            headers.putIfAbsent(h.getKey().toLowerCase(Locale.ROOT), h.getValue());
        }
        ByteBuf content = msg.content();
        byte[] body = new byte[content.readableBytes()];
        content.getBytes(content.readerIndex(), body);
        String remote = ctx.channel().remoteAddress() instanceof InetSocketAddress a
                ? a.getAddress().getHostAddress() : "";
        return new Request(msg.method().name(), String.join("/", segments), List.copyOf(segments), query, headers,
                body, scheme, msg.headers().get(HttpHeaderNames.HOST), remote);
    }

    /** Plain percent-decoding of a path segment: '+' stays '+', as Cosmos DB decodes paths. */
    static String percentDecode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length()
                    && Character.digit(s.charAt(i + 1), 16) >= 0 && Character.digit(s.charAt(i + 2), 16) >= 0) {
                out.write(Character.digit(s.charAt(i + 1), 16) * 16 + Character.digit(s.charAt(i + 2), 16));
                i += 2;
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(b, 0, b.length);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    static void write(ChannelHandlerContext ctx, Response r, boolean keepAlive) {
        FullHttpResponse res = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(r.status()), Unpooled.wrappedBuffer(r.body()));
        r.headers().forEach((k, v) -> res.headers().set(k, v));
        res.headers().set(HttpHeaderNames.CONTENT_LENGTH, r.body().length);
        if (!keepAlive) {
            res.headers().set(HttpHeaderNames.CONNECTION, "close");
            ctx.writeAndFlush(res).addListener(ChannelFutureListener.CLOSE);
        } else {
            ctx.writeAndFlush(res);
        }
    }
}
