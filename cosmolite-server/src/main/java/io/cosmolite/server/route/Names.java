package io.cosmolite.server.route;

import com.fasterxml.jackson.databind.JsonNode;
import io.cosmolite.engine.CosmosEngine;
import io.cosmolite.engine.error.CosmosException;
import io.cosmolite.engine.resource.ResourceType;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns id-based paths ({@code dbs/{dbRid}/colls/{collRid}/...}) into name-based ones, the form the
 * engine takes. A segment is read as a resource id only when no resource has it as its name, so a
 * database that happens to be named like a rid still wins.
 */
final class Names {
    private Names() {}

    /** The address with every database, container and user rid replaced by its name. */
    static ResourceAddress resolve(CosmosEngine engine, ResourceAddress address) {
        List<String> s = new ArrayList<>(address.segments());
        List<String> parents = new ArrayList<>();
        for (int i = 0; i + 1 < s.size(); i += 2) {
            ResourceType type = ResourceType.ofSegment(s.get(i));
            if (type == ResourceType.DATABASE || type == ResourceType.CONTAINER || type == ResourceType.USER) {
                String name = nameOf(engine, type, parents, s.get(i + 1));
                s.set(i + 1, name);
            }
            parents.add(s.get(i + 1));
        }
        return new ResourceAddress(List.copyOf(s));
    }

    private static String nameOf(CosmosEngine engine, ResourceType type, List<String> parents, String idOrRid) {
        if (!looksLikeRid(idOrRid)) {
            return idOrRid;
        }
        try {
            engine.read(type, parents, idOrRid);
            return idOrRid;
        } catch (CosmosException notByName) {
            try {
                for (JsonNode r : engine.list(type, parents)) {
                    if (idOrRid.equals(r.path("_rid").asText())) {
                        return r.path("id").asText();
                    }
                }
            } catch (CosmosException parentMissing) {
                return idOrRid;
            }
            return idOrRid;
        }
    }

    /** Resource ids are base64 (with '-' for '/') of 4, 8 or more bytes. */
    private static boolean looksLikeRid(String s) {
        if (s.length() < 8 || s.length() % 4 != 0) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '+' || c == '-' || c == '=')) {
                return false;
            }
        }
        return true;
    }
}
