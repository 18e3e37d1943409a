package io.cosmolite.server.route;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmolite.engine.changefeed.ChangeFeedPage;
import io.cosmolite.engine.changefeed.ChangeFeedRequest;
import io.cosmolite.engine.error.ErrorCode;
import io.cosmolite.engine.json.Json;
import io.cosmolite.engine.partition.EffectivePartitionKey;
import io.cosmolite.engine.partition.PartitionKeyRange;
import io.cosmolite.engine.partition.PartitionKeyValue;
import io.cosmolite.server.http.Response;
import io.cosmolite.server.wire.CosmosHeaders;
import io.cosmolite.server.wire.ErrorResponses;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The change feed, {@code GET .../docs} with {@code A-IM}: one page of the changes of one physical
 * partition, as the SDKs read it range by range.
 *
 * <ul>
 *   <li>Mode: {@code A-IM: Incremental Feed} is the latest-version feed; {@code A-IM: Full-Fidelity
 *       Feed} (with {@code x-ms-cosmos-changefeed-wire-format-version}) the all-versions-and-deletes
 *       feed, items shaped {@code {current, previous, metadata}}.</li>
 *   <li>Scope: the range of {@code x-ms-documentdb-partitionkeyrangeid}, narrowed to
 *       {@code x-ms-start-epk}..{@code x-ms-end-epk} when the SDK reads part of a range (a feed
 *       range smaller than a physical partition); or the logical partition (or hierarchical prefix)
 *       of the partition key header.</li>
 *   <li>Start: no header = the beginning; {@code If-None-Match: *} = now; {@code If-Modified-Since}
 *       = a point in time; {@code If-None-Match: "<lsn>"} = after a previous page.</li>
 * </ul>
 *
 * The reply's {@code etag} is the continuation, the quoted LSN read up to: the change feed
 * processor's state estimate parses it as a number. With no change the reply is 304 with the etag.
 */
final class ChangeFeedRequests {
    static final String LATEST_VERSION = "Incremental Feed";
    static final String ALL_VERSIONS_AND_DELETES = "Full-Fidelity Feed";

    private ChangeFeedRequests() {}

    /** One page of the change feed. */
    static Response read(Call call) {
        ItemContainer target = ItemContainer.of(call);
        ChangeFeedRequest.Mode mode = mode(call.header(CosmosHeaders.A_IM));
        PartitionKeyValue pk = target.optionalPartitionKey(call);
        String rangeHeader = call.header(CosmosHeaders.PARTITION_KEY_RANGE_ID);
        PartitionKeyRange range;
        String minEpk = EffectivePartitionKey.MIN;
        String maxEpk = EffectivePartitionKey.MAX;
        if (pk != null) {
            range = target.rangeOf(pk);
            minEpk = target.epkOf(pk);
            // A full key is one EPK (its successor is the key plus a NUL); a hierarchical prefix
            // covers every EPK that extends it, as the SDKs bound it.
            maxEpk = pk.size() < target.partitionKey().paths().size() ? minEpk + EffectivePartitionKey.MAX
                    : minEpk + '\0';
        } else if (rangeHeader != null) {
            range = target.range(rangeHeader);
            String start = call.header(CosmosHeaders.START_EPK);
            String end = call.header(CosmosHeaders.END_EPK);
            if (start != null && end != null) {
                minEpk = start;
                maxEpk = end.isEmpty() || end.equals(range.maxExclusive()) ? range.maxExclusive() : end;
            }
        } else if (target.ranges().size() == 1) {
            range = target.ranges().get(0);
        } else {
            throw ErrorCode.BAD_REQUEST.exception("One of the partition key range id or partition key must be specified");
        }
        ChangeFeedRequest request = new ChangeFeedRequest(mode, start(call), FeedPaging.maxItemCount(call),
                minEpk, maxEpk);
        ChangeFeedPage page = target.container().changeFeed(range.id(), request);
        List<ObjectNode> items = mode == ChangeFeedRequest.Mode.LATEST_VERSION
                && call.header(CosmosHeaders.CHANGE_FEED_WIRE_FORMAT) != null
                ? page.items().stream().map(ChangeFeedRequests::withSeparateMetadata).toList() : page.items();
        Response response = page.isEmpty() ? Response.status(304)
                .header(CosmosHeaders.REQUEST_CHARGE, ErrorResponses.charge(page.requestCharge()))
                : Replies.feed("docs", target.rid(), items, page.requestCharge());
        response.header(CosmosHeaders.ETAG, etag(page.continuation()));
        return target.stamp(response, range.id(), target.container().committedLsn(range.id()));
    }

    /**
     * A latest-version change in the wire format that separates metadata
     * ({@code x-ms-cosmos-changefeed-wire-format-version}), which the change feed processor asks
     * for in both modes: {@code {"current": item, "metadata": {"lsn", "crts"}}}.
     */
    private static ObjectNode withSeparateMetadata(ObjectNode item) {
        ObjectNode change = Json.object();
        change.set("current", item);
        change.putObject("metadata").put("lsn", item.path("_lsn").asLong()).put("crts", item.path("_ts").asLong());
        return change;
    }

    private static ChangeFeedRequest.Mode mode(String aIm) {
        if (aIm.strip().equalsIgnoreCase(LATEST_VERSION)) {
            return ChangeFeedRequest.Mode.LATEST_VERSION;
        }
        if (aIm.strip().equalsIgnoreCase(ALL_VERSIONS_AND_DELETES)) {
            return ChangeFeedRequest.Mode.ALL_VERSIONS_AND_DELETES;
        }
        throw ErrorCode.BAD_REQUEST.exception(
                "The A-IM header value '%s' is not supported: use '%s' or '%s'.", aIm, LATEST_VERSION,
                ALL_VERSIONS_AND_DELETES);
    }

    private static ChangeFeedRequest.Start start(Call call) {
        String ifNoneMatch = call.header(CosmosHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null && !ifNoneMatch.isBlank()) {
            return ifNoneMatch.strip().equals("*") ? new ChangeFeedRequest.Start.Now()
                    : new ChangeFeedRequest.Start.AfterLsn(lsnOf(ifNoneMatch));
        }
        String since = call.header(CosmosHeaders.IF_MODIFIED_SINCE);
        if (since != null && !since.isBlank()) {
            try {
                return new ChangeFeedRequest.Start.PointInTime(
                        ZonedDateTime.parse(since.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toEpochSecond());
            } catch (DateTimeParseException e) {
                throw ErrorCode.BAD_REQUEST.exception(
                        "The If-Modified-Since header '%s' is not an RFC 1123 date.", since);
            }
        }
        return new ChangeFeedRequest.Start.Beginning();
    }

    /** The LSN of a change feed etag ({@code "42"}); 400 for anything this server did not hand out. */
    private static long lsnOf(String etag) {
        String digits = etag.strip().replace("\"", "");
        try {
            long lsn = Long.parseLong(digits);
            if (lsn >= 0) {
                return lsn;
            }
        } catch (NumberFormatException e) {
            // falls through to the refusal
        }
        throw ErrorCode.BAD_REQUEST.exception("Invalid change feed continuation (If-None-Match) '%s'.", etag);
    }

    private static String etag(long lsn) {
        return "\"" + lsn + "\"";
    }
}
