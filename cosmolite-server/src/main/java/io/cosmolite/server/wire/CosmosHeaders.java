package io.cosmolite.server.wire;

/** Names of the HTTP headers of the Cosmos REST protocol, lower-case. Never spell one elsewhere. */
public final class CosmosHeaders {
    private CosmosHeaders() {}

    public static final String AUTHORIZATION = "authorization";
    public static final String DATE = "x-ms-date";
    public static final String HTTP_DATE = "date";
    public static final String VERSION = "x-ms-version";
    public static final String ACTIVITY_ID = "x-ms-activity-id";
    public static final String REQUEST_CHARGE = "x-ms-request-charge";
    public static final String SUBSTATUS = "x-ms-substatus";
    public static final String SESSION_TOKEN = "x-ms-session-token";
    public static final String CONTINUATION = "x-ms-continuation";
    public static final String MAX_ITEM_COUNT = "x-ms-max-item-count";
    public static final String ITEM_COUNT = "x-ms-item-count";
    public static final String ETAG = "etag";
    public static final String IF_MATCH = "if-match";
    public static final String IF_NONE_MATCH = "if-none-match";
    public static final String IF_MODIFIED_SINCE = "if-modified-since";
    public static final String A_IM = "a-im";
    public static final String PARTITION_KEY = "x-ms-documentdb-partitionkey";
    public static final String PARTITION_KEY_RANGE_ID = "x-ms-documentdb-partitionkeyrangeid";
    public static final String IS_UPSERT = "x-ms-documentdb-is-upsert";
    public static final String IS_QUERY = "x-ms-documentdb-isquery";
    public static final String IS_QUERY_PLAN_REQUEST = "x-ms-cosmos-is-query-plan-request";
    public static final String SUPPORTED_QUERY_FEATURES = "x-ms-cosmos-supported-query-features";
    public static final String QUERY_VERSION = "x-ms-cosmos-query-version";
    public static final String ENABLE_CROSS_PARTITION = "x-ms-documentdb-query-enablecrosspartition";
    public static final String POPULATE_QUERY_METRICS = "x-ms-documentdb-populatequerymetrics";
    public static final String QUERY_METRICS = "x-ms-documentdb-query-metrics";
    public static final String POPULATE_INDEX_METRICS = "x-ms-cosmos-populateindexmetrics";
    public static final String INDEX_UTILIZATION = "x-ms-cosmos-index-utilization";
    public static final String IS_BATCH_REQUEST = "x-ms-cosmos-is-batch-request";
    public static final String BATCH_ATOMIC = "x-ms-cosmos-batch-atomic";
    public static final String BATCH_CONTINUE_ON_ERROR = "x-ms-cosmos-batch-continue-on-error";
    public static final String PREFER = "prefer";
    public static final String ALT_CONTENT_PATH = "x-ms-alt-content-path";
    public static final String CONTENT_PATH = "x-ms-content-path";
    public static final String OFFER_THROUGHPUT = "x-ms-offer-throughput";
    public static final String OFFER_AUTOPILOT = "x-ms-cosmos-offer-autopilot-settings";
    public static final String RESOURCE_QUOTA = "x-ms-resource-quota";
    public static final String RESOURCE_USAGE = "x-ms-resource-usage";
    public static final String CHANGE_FEED_WIRE_FORMAT = "x-ms-cosmos-changefeed-wire-format-version";
    public static final String START_EPK = "x-ms-start-epk";
    public static final String END_EPK = "x-ms-end-epk";
    public static final String LSN = "lsn";
    public static final String ITEM_LSN = "x-ms-item-lsn";
    public static final String GLOBAL_COMMITTED_LSN = "x-ms-global-committed-lsn";
    public static final String INDEX_TRANSFORMATION_PROGRESS = "x-ms-documentdb-collection-index-transformation-progress";
    public static final String SERVER_VERSION = "x-ms-serviceversion";
    public static final String GATEWAY_VERSION = "x-ms-gatewayversion";
    public static final String RETRY_AFTER_MS = "x-ms-retry-after-ms";
    public static final String CONTENT_TYPE = "content-type";
    public static final String MIN_THROUGHPUT = "x-ms-cosmos-min-throughput";
    public static final String INTENDED_COLLECTION_RID = "x-ms-cosmos-intended-collection-rid";
    public static final String READ_FEED_KEY_TYPE = "x-ms-read-key-type";
    public static final String POPULATE_QUOTA_INFO = "x-ms-documentdb-populatequotainfo";
}
