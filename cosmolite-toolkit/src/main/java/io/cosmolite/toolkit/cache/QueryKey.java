package io.cosmolite.toolkit.cache;

import com.azure.cosmos.models.PartitionKey;
import com.azure.cosmos.models.SqlParameter;
import com.azure.cosmos.models.SqlQuerySpec;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;

/**
 * The key of a cached query: its text, its parameters (name and value as JSON, so values of any
 * type compare by content) and the partition key it is scoped to, in JSON form as in {@link PointKey}
 * (empty: cross-partition).
 */
record QueryKey(String text, List<Parameter> parameters, Optional<String> partitionKey) {
    private static final ObjectMapper JSON = new ObjectMapper();

    record Parameter(String name, String jsonValue) {
    }

    static QueryKey of(SqlQuerySpec query, Optional<PartitionKey> partitionKey) {
        List<Parameter> parameters = query.getParameters() == null ? List.of()
                : query.getParameters().stream().map(QueryKey::parameter).toList();
        return new QueryKey(query.getQueryText(), parameters, partitionKey.map(PartitionKey::toString));
    }

    private static Parameter parameter(SqlParameter p) {
        try {
            return new Parameter(p.getName(), JSON.writeValueAsString(p.getValue(Object.class)));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("query parameter " + p.getName() + " cannot be written as JSON", e);
        }
    }
}
