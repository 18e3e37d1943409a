package io.cosmolite.engine.metadata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmolite.engine.container.ContainerProperties;
import io.cosmolite.engine.error.ErrorCode;
import io.cosmolite.engine.resource.IdRules;
import io.cosmolite.engine.resource.ResourceType;
import io.cosmolite.engine.resource.SystemProperties;
import java.util.Set;

/** What is particular to each metadata type: which fields it needs and which links it carries. */
final class ResourceBodies {
    private static final Set<String> PERMISSION_MODES = Set.of("All", "Read");
    private static final Set<String> TRIGGER_TYPES = Set.of("Pre", "Post");
    private static final Set<String> TRIGGER_OPERATIONS = Set.of("All", "Create", "Replace", "Delete", "Update", "Upsert");

    private ResourceBodies() {}

    /** The body to store for a new resource: a validated copy without system properties. */
    static ObjectNode forCreate(ResourceType type, ObjectNode clientBody) {
        ObjectNode body = clientBody.deepCopy();
        SystemProperties.strip(body);
        if (type == ResourceType.OFFER) {
            body.put("id", "pending");
        } else {
            IdRules.metadataId(body);
        }
        return validate(type, body);
    }

    /** The body to store when {@code before} is replaced by {@code clientBody}. */
    static ObjectNode forReplace(ResourceType type, ObjectNode before, ObjectNode clientBody) {
        ObjectNode body = clientBody.deepCopy();
        SystemProperties.strip(body);
        if (type == ResourceType.OFFER) {
            body.put("id", before.get("id").textValue());
        } else {
            IdRules.metadataId(body);
        }
        ObjectNode valid = validate(type, body);
        if (type == ResourceType.CONTAINER) {
            ContainerProperties.checkReplace(before, valid);
        }
        return valid;
    }

    private static ObjectNode validate(ResourceType type, ObjectNode body) {
        switch (type) {
            case CONTAINER -> {
                return ContainerProperties.normalize(body);
            }
            case PERMISSION -> {
                requireOneOf(body, "permissionMode", PERMISSION_MODES);
                requireString(body, "resource");
            }
            case STORED_PROCEDURE, USER_DEFINED_FUNCTION -> requireString(body, "body");
            case TRIGGER -> {
                requireString(body, "body");
                requireOneOf(body, "triggerType", TRIGGER_TYPES);
                requireOneOf(body, "triggerOperation", TRIGGER_OPERATIONS);
            }
            case OFFER -> {
                requireString(body, "offerResourceId");
                JsonNode throughput = body.path("content").path("offerThroughput");
                JsonNode autoscale = body.path("content").path("offerAutopilotSettings");
                if (!throughput.isIntegralNumber() && !autoscale.isObject()) {
                    throw ErrorCode.BAD_REQUEST.exception(
                            "An offer needs 'content.offerThroughput' (an integer) or 'content.offerAutopilotSettings'.");
                }
                if (throughput.isIntegralNumber() && throughput.asLong() < 400) {
                    throw ErrorCode.BAD_REQUEST.exception(
                            "The offer throughput must be at least 400 RU/s, not %d.", throughput.asLong());
                }
                if (!body.has("offerVersion")) {
                    body.put("offerVersion", "V2");
                }
                if (!body.has("offerType")) {
                    body.put("offerType", "Invalid");
                }
            }
            default -> { }
        }
        return body;
    }

    /** Adds the feed links Cosmos returns on each type, e.g. a database's {@code _colls}. */
    static void addFeedLinks(ResourceType type, ObjectNode body) {
        switch (type) {
            case DATABASE -> {
                body.put("_colls", "colls/");
                body.put("_users", "users/");
            }
            case CONTAINER -> {
                body.put("_docs", "docs/");
                body.put("_sprocs", "sprocs/");
                body.put("_triggers", "triggers/");
                body.put("_udfs", "udfs/");
                body.put("_conflicts", "conflicts/");
            }
            case USER -> body.put("_permissions", "permissions/");
            default -> { }
        }
    }

    private static void requireString(ObjectNode body, String field) {
        if (!body.path(field).isTextual()) {
            throw ErrorCode.BAD_REQUEST.exception("The required property '%s' is missing or is not a string.", field);
        }
    }

    private static void requireOneOf(ObjectNode body, String field, Set<String> allowed) {
        requireString(body, field);
        String value = body.get(field).textValue();
        for (String a : allowed) {
            if (a.equalsIgnoreCase(value)) {
                body.put(field, a);
                return;
            }
        }
        throw ErrorCode.BAD_REQUEST.exception("The property '%s' must be one of %s, not '%s'.", field, allowed, value);
    }
}
