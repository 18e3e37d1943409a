package io.cosmolite.server.auth;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks master-key signatures as Cosmos DB does: the {@code authorization} header carries
 * {@code type=master&ver=1.0&sig=<base64 HMAC-SHA256>} (URL-encoded) over
 * {@code verb\nresourceType\nresourceLink\ndate\n\n}, verb, type and date lower-cased. A date more than
 * 15 minutes from the server's clock is refused with 403, as Cosmos refuses replays.
 */
public final class MasterKeyAuthorizer {
    /** How far a request's date may be from the server's clock. */
    public static final Duration ALLOWED_SKEW = Duration.ofMinutes(15);

    private final byte[] key;
    private final Clock clock;
    /**
     * One keyed HMAC per thread: looking the algorithm up and keying it took longer than the
     * signature itself, on every request. {@link Mac#doFinal} leaves it ready for the next one.
     */
    private final ThreadLocal<Mac> macs;
    /** The last date header parsed: the requests of one second all carry the same one. */
    private volatile ParsedDate lastDate = new ParsedDate("", Instant.EPOCH);

    /** An authorizer for the base64 account key. */
    public MasterKeyAuthorizer(String base64Key, Clock clock) {
        this.key = Base64.getDecoder().decode(base64Key);
        this.clock = clock;
        this.macs = ThreadLocal.withInitial(this::keyedMac);
    }

    private record ParsedDate(String header, Instant instant) {
    }

    /**
     * Checks one request; null when it is authentic.
     *
     * @param verb          the HTTP method
     * @param resourceType  the signed resource type ({@code dbs}, {@code colls}, {@code docs}, ... or "")
     * @param resourceLink  the signed resource link (name path, or the lower-cased rid for id-based paths)
     * @param authorization the {@code authorization} header, or null
     * @param date          the {@code x-ms-date} header (else {@code date}), or null
     */
    public AuthFailure check(String verb, String resourceType, String resourceLink, String authorization, String date) {
        if (authorization == null || authorization.isBlank()) {
            return new AuthFailure(401,
                    "Required Header authorization is missing. Ensure a valid Authorization token is passed.");
        }
        if (date == null || date.isBlank()) {
            return new AuthFailure(401, "The input date header is invalid format. Please pass in RFC 1123 style date format.");
        }
        Instant at;
        ParsedDate last = lastDate;
        if (last.header().equals(date)) {
            at = last.instant();
        } else {
            try {
                at = ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            } catch (DateTimeParseException e) {
                return new AuthFailure(401, "The input date header is invalid format. Please pass in RFC 1123 style date format.");
            }
            lastDate = new ParsedDate(date, at);
        }
        Instant now = clock.instant();
        if (Duration.between(at, now).abs().compareTo(ALLOWED_SKEW) > 0) {
            return new AuthFailure(403, "The authorization token is not valid at the current time. Please create another "
                    + "token and retry (token start time: " + DateTimeFormatter.RFC_1123_DATE_TIME.format(
                    at.atZone(java.time.ZoneOffset.UTC)) + ", token expiry time: " + DateTimeFormatter.RFC_1123_DATE_TIME
                    .format(at.plus(ALLOWED_SKEW).atZone(java.time.ZoneOffset.UTC)) + ", current server time: "
                    + DateTimeFormatter.RFC_1123_DATE_TIME.format(now.atZone(java.time.ZoneOffset.UTC)) + ").");
        }
        String decoded = URLDecoder.decode(authorization, StandardCharsets.UTF_8);
        String type = field(decoded, "type");
        String sig = field(decoded, "sig");
        String payload = verb.toLowerCase(Locale.ROOT) + "\n" + resourceType.toLowerCase(Locale.ROOT) + "\n"
                + resourceLink + "\n" + date.toLowerCase(Locale.ROOT) + "\n\n";
        if (!"master".equalsIgnoreCase(type) || sig == null || !matches(sig, payload)) {
            return new AuthFailure(401, "The input authorization token can't serve the request. The wrong key is being "
                    + "used or the expected payload is not built as per the protocol. For more info: "
                    + "https://aka.ms/cosmosdb-tsg-401. Server used the following payload to sign: '"
                    + payload.replace("\n", "\\n") + "'");
        }
        return null;
    }

    /** The signature of a payload under this key (also what tests and tools sign with). */
    public String sign(String payload) {
        return Base64.getEncoder().encodeToString(macs.get().doFinal(payload.getBytes(StandardCharsets.UTF_8)));
    }

    private Mac keyedMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean matches(String sig, String payload) {
        return MessageDigest.isEqual(sign(payload).getBytes(StandardCharsets.US_ASCII),
                sig.getBytes(StandardCharsets.US_ASCII));
    }

    private static String field(String header, String name) {
        for (String part : header.split("&")) {
            int eq = part.indexOf('=');
            if (eq > 0 && part.substring(0, eq).trim().equalsIgnoreCase(name)) {
                return part.substring(eq + 1).trim();
            }
        }
        return null;
    }
}
