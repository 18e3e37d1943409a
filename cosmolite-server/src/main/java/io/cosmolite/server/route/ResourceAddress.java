package io.cosmolite.server.route;

import java.util.List;
import java.util.Locale;

/**
 * A request path read as Cosmos resource addressing: {@code dbs/{db}/colls/{coll}/docs/{id}}.
 * An odd number of segments addresses a feed (the last segment is a type: {@code .../docs}), an
 * even number one resource; the root addresses the account. Ids are names or resource ids (the SDK
 * reads partition key ranges through the container's {@code _self}).
 *
 * @param segments the decoded path segments
 */
public record ResourceAddress(List<String> segments) {

    /** True for {@code GET /}. */
    public boolean isAccount() {
        return segments.isEmpty();
    }

    /** True when the path ends with a type segment ({@code dbs/db1/colls}). */
    public boolean isFeed() {
        return segments.size() % 2 == 1;
    }

    /** The type segment of the addressed feed or resource ({@code docs}, {@code colls}, {@code pkranges}, ...). */
    public String typeSegment() {
        if (isAccount()) {
            return "";
        }
        return isFeed() ? segments.get(segments.size() - 1) : segments.get(segments.size() - 2);
    }

    /** The id (name or rid) following a type segment along the path, or null ({@code id("dbs")}). */
    public String id(String typeSegment) {
        for (int i = 0; i + 1 < segments.size(); i += 2) {
            if (segments.get(i).equals(typeSegment)) {
                return segments.get(i + 1);
            }
        }
        return null;
    }

    /** The last id of the path: the addressed resource's, or for a feed its owner's (null at the top). */
    public String lastId() {
        int n = isFeed() ? segments.size() - 1 : segments.size();
        return n == 0 ? null : segments.get(n - 1);
    }

    /** The resource type the client signs ({@code docs} for an item or the items feed). */
    public String authResourceType() {
        return typeSegment();
    }

    /** The resource link the client signs when it addresses by names: the feed's owner, or the resource. */
    public String authLinkByName() {
        int n = isFeed() ? segments.size() - 1 : segments.size();
        return String.join("/", segments.subList(0, n));
    }

    /** The resource link the client signs when it addresses by resource ids: the last id, lower-cased. */
    public String authLinkByRid() {
        String last = lastId();
        return last == null ? "" : last.toLowerCase(Locale.ROOT);
    }
}
