package io.cosmolite.server.route;

import io.cosmolite.engine.error.CosmosException;
import io.cosmolite.server.auth.AuthFailure;
import io.cosmolite.server.auth.MasterKeyAuthorizer;
import io.cosmolite.server.http.Handler;
import io.cosmolite.server.http.Request;
import io.cosmolite.server.http.Response;
import io.cosmolite.server.wire.CosmosHeaders;
import io.cosmolite.server.wire.ErrorResponses;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;

/**
 * The gateway's front door: serves the certificate PEM without auth, authenticates everything
 * else, resolves id-based paths, dispatches by resource type, stamps the headers every Cosmos
 * response carries, and maps refusals to Cosmos errors (through {@link ErrorResponses}, the one
 * mapping).
 */
public final class Router implements Handler {
    /** Where the certificate is served, as the official emulator serves it. */
    public static final String CERTIFICATE_PATH = "_explorer/emulator.pem";
    static final String SERVICE_VERSION = "version=2.14.0.0";

    private final ServerContext server;
    private final MasterKeyAuthorizer auth;
    private final Map<String, Route> routes;

    /** A router over the server's state. */
    public Router(ServerContext server) {
        this.server = server;
        this.auth = new MasterKeyAuthorizer(server.options().masterKey(), server.clock());
        this.routes = Map.ofEntries(
                Map.entry("", new AccountRoute()),
                Map.entry("dbs", new DatabaseRoutes()),
                Map.entry("colls", new ContainerRoutes()),
                Map.entry("pkranges", new PartitionKeyRangeRoutes()),
                Map.entry("offers", new OfferRoutes()),
                Map.entry("sprocs", new ScriptRoutes()),
                Map.entry("triggers", new ScriptRoutes()),
                Map.entry("udfs", new ScriptRoutes()),
                Map.entry("users", new UserRoutes()),
                Map.entry("permissions", new UserRoutes()),
                Map.entry("docs", new DocumentRoutes()));
    }

    @Override
    public Response handle(Request request) {
        Response response;
        try {
            response = dispatch(request);
        } catch (CosmosException e) {
            response = ErrorResponses.of(e);
        }
        response.header(CosmosHeaders.ACTIVITY_ID, UUID.randomUUID().toString());
        if (!response.headers().containsKey(CosmosHeaders.REQUEST_CHARGE)) {
            response.header(CosmosHeaders.REQUEST_CHARGE, "0.00");
        }
        response.header(CosmosHeaders.SERVER_VERSION, SERVICE_VERSION);
        response.header(CosmosHeaders.HTTP_DATE, DateTimeFormatter.RFC_1123_DATE_TIME.format(
                server.clock().instant().atZone(ZoneOffset.UTC)));
        return response;
    }

    private Response dispatch(Request request) {
        if (request.path().equals(CERTIFICATE_PATH) && request.method().equals("GET")) {
            String pem = server.certificatePem().get();
            if (pem == null) {
                return ErrorResponses.of(404, "This server runs without TLS (--no-tls): there is no certificate.");
            }
            return Response.status(200).header(CosmosHeaders.CONTENT_TYPE, "application/x-pem-file").body(pem);
        }
        ResourceAddress address = new ResourceAddress(request.segments());
        Route route = routes.get(address.typeSegment());
        if (route == null) {
            return ErrorResponses.of(404, "The requested resource '" + request.path() + "' does not exist.");
        }
        AuthFailure failure = authenticate(request, address);
        if (failure != null) {
            return ErrorResponses.of(failure.status(), failure.message());
        }
        ResourceAddress names = Names.resolve(server.engine(), address);
        return route.handle(new Call(request, address, names, server));
    }

    private AuthFailure authenticate(Request request, ResourceAddress address) {
        String date = request.header(CosmosHeaders.DATE) != null
                ? request.header(CosmosHeaders.DATE) : request.header(CosmosHeaders.HTTP_DATE);
        String authorization = request.header(CosmosHeaders.AUTHORIZATION);
        AuthFailure byName = auth.check(request.method(), address.authResourceType(), address.authLinkByName(),
                authorization, date);
        if (byName == null || address.isAccount() || byName.status() != 401 || authorization == null) {
            return byName;
        }
        // Id-based paths are signed over the lower-cased rid of the last resource.
        AuthFailure byRid = auth.check(request.method(), address.authResourceType(), address.authLinkByRid(),
                authorization, date);
        return byRid == null ? null : byName;
    }
}
