package io.cosmolite.server.route;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmolite.engine.error.ErrorCode;
import io.cosmolite.engine.json.Json;
import io.cosmolite.engine.resource.ResourceType;
import io.cosmolite.server.wire.CosmosHeaders;
import java.util.List;

/**
 * The throughput a database or container create asks for: manual ({@code x-ms-offer-throughput: 400})
 * or autoscale ({@code x-ms-cosmos-offer-autopilot-settings: {"maxThroughput":4000}}), and the
 * offer that records it. Checked before the resource is created, so a refused throughput leaves
 * nothing behind.
 *
 * @param throughput   the RU/s of the offer (for autoscale, a tenth of the maximum as Cosmos DB reports it, but
 *                     at least the 400 RU/s the engine takes for any offer)
 * @param autoscaleMax the autoscale maximum RU/s, or null for manual throughput
 */
record ProvisionedThroughput(int throughput, Integer autoscaleMax) {
    /** Least manual throughput, RU/s, as in Cosmos DB. */
    static final int MIN_THROUGHPUT = 400;
    /** Least autoscale maximum, RU/s, as in Cosmos DB. */
    static final int MIN_AUTOSCALE_MAX = 1000;

    /** The throughput the request's headers ask for, or null when they ask for none. */
    static ProvisionedThroughput of(Call call) {
        String manual = call.header(CosmosHeaders.OFFER_THROUGHPUT);
        String autoscale = call.header(CosmosHeaders.OFFER_AUTOPILOT);
        if (manual != null && autoscale != null) {
            throw ErrorCode.BAD_REQUEST.exception("Specify either '%s' or '%s', not both.",
                    CosmosHeaders.OFFER_THROUGHPUT, CosmosHeaders.OFFER_AUTOPILOT);
        }
        if (manual != null) {
            int ru = parse(manual, CosmosHeaders.OFFER_THROUGHPUT);
            if (ru < MIN_THROUGHPUT) {
                throw ErrorCode.BAD_REQUEST.exception("The offer throughput must be at least %d RU/s, not %d.",
                        MIN_THROUGHPUT, ru);
            }
            return new ProvisionedThroughput(ru, null);
        }
        if (autoscale != null) {
            JsonNode settings;
            try {
                settings = Json.parse(autoscale);
            } catch (RuntimeException e) {
                throw ErrorCode.BAD_REQUEST.exception("The header '%s' must be a JSON object: %s",
                        CosmosHeaders.OFFER_AUTOPILOT, autoscale);
            }
            JsonNode max = settings.path("maxThroughput");
            if (!max.canConvertToInt() || !max.isIntegralNumber() || max.intValue() < MIN_AUTOSCALE_MAX) {
                throw ErrorCode.BAD_REQUEST.exception("The autoscale maximum throughput must be an integer of at least"
                        + " %d RU/s, not %s.", MIN_AUTOSCALE_MAX, max.isMissingNode() ? "missing" : max.toString());
            }
            return new ProvisionedThroughput(Math.max(MIN_THROUGHPUT, max.intValue() / 10), max.intValue());
        }
        return null;
    }

    /** Creates the offer of a new database or container. */
    void createOffer(Call call, ObjectNode resource) {
        ObjectNode offer = Json.object();
        offer.put("offerVersion", "V2");
        offer.put("offerType", "Invalid");
        offer.put("resource", resource.get("_self").textValue());
        offer.put("offerResourceId", resource.get("_rid").textValue());
        ObjectNode content = offer.putObject("content");
        content.put("offerThroughput", throughput);
        content.put("offerIsRUPerMinuteThroughputEnabled", false);
        if (autoscaleMax != null) {
            content.putObject("offerAutopilotSettings").put("maxThroughput", autoscaleMax);
        }
        call.server().engine().create(ResourceType.OFFER, List.of(), offer);
    }

    private static int parse(String value, String header) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw ErrorCode.BAD_REQUEST.exception("The header '%s' must be an integer, not '%s'.", header, value);
        }
    }
}
