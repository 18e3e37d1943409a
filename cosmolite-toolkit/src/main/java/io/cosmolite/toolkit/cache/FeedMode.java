package io.cosmolite.toolkit.cache;

import com.azure.cosmos.CosmosContainer;
import com.azure.cosmos.models.ChangeFeedPolicy;
import com.azure.cosmos.models.CosmosChangeFeedRequestOptions;
import com.azure.cosmos.models.FeedRange;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Optional;

/**
 * Which change feed the invalidator reads: latest version (every container has it; no deletes), or
 * all versions and deletes (only containers with that change feed policy; deletes included).
 */
enum FeedMode {
    LATEST_VERSION {
        @Override
        CosmosChangeFeedRequestOptions apply(CosmosChangeFeedRequestOptions options) {
            return options;
        }

        @Override
        Optional<String> idOf(JsonNode change) {
            return text(change.path("id"));
        }
    },
    ALL_VERSIONS_AND_DELETES {
        @Override
        CosmosChangeFeedRequestOptions apply(CosmosChangeFeedRequestOptions options) {
            return options.allVersionsAndDeletes();
        }

        @Override
        Optional<String> idOf(JsonNode change) {
            // A delete has no current version: its id is in the metadata (or the previous version).
            return text(change.at("/current/id")).or(() -> text(change.at("/metadata/id")))
                    .or(() -> text(change.at("/previous/id")));
        }
    };

    /** The mode a container supports best: all versions and deletes when its policy keeps them. */
    static FeedMode of(CosmosContainer container) {
        ChangeFeedPolicy policy = container.read().getProperties().getChangeFeedPolicy();
        Duration retention = policy == null ? null : policy.getRetentionDurationForAllVersionsAndDeletesPolicy();
        return retention != null && !retention.isZero() ? ALL_VERSIONS_AND_DELETES : LATEST_VERSION;
    }

    CosmosChangeFeedRequestOptions fromNow() {
        return apply(CosmosChangeFeedRequestOptions.createForProcessingFromNow(FeedRange.forFullRange()));
    }

    CosmosChangeFeedRequestOptions from(String continuation) {
        return apply(CosmosChangeFeedRequestOptions.createForProcessingFromContinuation(continuation));
    }

    abstract CosmosChangeFeedRequestOptions apply(CosmosChangeFeedRequestOptions options);

    /** The id of the item a change record is about, if it names one. */
    abstract Optional<String> idOf(JsonNode change);

    private static Optional<String> text(JsonNode node) {
        return node.isTextual() ? Optional.of(node.asText()) : Optional.empty();
    }
}
