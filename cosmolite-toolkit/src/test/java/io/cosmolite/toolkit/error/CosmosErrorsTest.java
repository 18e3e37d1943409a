package io.cosmolite.toolkit.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.cosmos.CosmosException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The status/substatus table of {@link CosmosErrors}, without a server. */
class CosmosErrorsTest {

    @ParameterizedTest(name = "{0}/{1} -> {2}")
    @CsvSource({
            "400, 0, BadRequestException",
            "413, 0, BadRequestException",
            "401, 0, UnauthorizedException",
            "403, 3, ForbiddenException",
            "404, 0, NotFoundException",
            "404, 1002, UnavailableException",
            "408, 0, UnavailableException",
            "409, 0, ConflictException",
            "410, 1007, UnavailableException",
            "412, 0, PreconditionFailedException",
            "424, 0, FailedDependencyException",
            "429, 3200, ThrottledException",
            "449, 0, UnavailableException",
            "500, 0, UnexpectedCosmosException",
            "503, 0, UnavailableException",
    })
    void everyStatusHasItsType(int status, int subStatus, String type) {
        ErrorInfo info = new ErrorInfo(status, subStatus, "activity-1", 2.5);
        CosmosDataException e = CosmosErrors.of("message", info, Duration.ofMillis(30), null);

        assertThat(e.getClass().getSimpleName()).isEqualTo(type);
        assertThat(e.info()).isEqualTo(info);
        assertThat(e.isTransient()).isEqualTo(type.equals("UnavailableException") || type.equals("ThrottledException"));
    }

    @Test
    void throttlingCarriesTheRetryAfter() {
        CosmosDataException e = CosmosErrors.of(null, new ErrorInfo(429, 3200, "a", 0), Duration.ofMillis(250), null);

        assertThat(e).isInstanceOf(ThrottledException.class);
        assertThat(((ThrottledException) e).retryAfter()).isEqualTo(Duration.ofMillis(250));
        assertThat(e.getMessage()).contains("429");
    }

    @Test
    void translatesTheSdkExceptionWithItsHeaders() {
        CosmosException sdk = new CosmosException(404, "gone", Map.of("x-ms-substatus", "1002",
                "x-ms-activity-id", "act-7", "x-ms-request-charge", "1.25"), null) {
        };

        CosmosDataException e = CosmosErrors.translate(sdk);

        assertThat(e).isInstanceOf(UnavailableException.class).hasCause(sdk);
        assertThat(e.info()).isEqualTo(new ErrorInfo(404, 1002, "act-7", 1.25));
    }

    @Test
    void callFindsAWrappedSdkExceptionAndMapsTransportFailures() {
        CosmosException sdk = new CosmosException(409, "exists") {
        };
        assertThatThrownBy(() -> CosmosErrors.call(() -> {
            throw new IllegalStateException("wrapped", sdk);
        })).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> CosmosErrors.run(() -> {
            throw new UncheckedIOException(new IOException("connection reset"));
        })).isInstanceOf(UnavailableException.class).extracting(e -> ((CosmosDataException) e).statusCode())
                .isEqualTo(503);
        IllegalArgumentException bug = new IllegalArgumentException("a programming error");
        assertThatThrownBy(() -> CosmosErrors.run(() -> {
            throw bug;
        })).isSameAs(bug);
    }

    @Test
    void aDocumentThatDoesNotMapIsNotMistakenForANetworkFailure() {
        UncheckedIOException mapping = new UncheckedIOException(
                new com.fasterxml.jackson.databind.exc.MismatchedInputException(null, "cannot map 'total'") {
                });
        assertThatThrownBy(() -> CosmosErrors.run(() -> {
            throw mapping;
        })).isSameAs(mapping);
    }

    @Test
    void aValidationErrorListsEveryViolation() {
        ValidationException e = new ValidationException("order is invalid",
                java.util.List.of(new Violation("/total", "must be >= 0"), new Violation("/status", "is required")));

        assertThat(e.violations()).hasSize(2);
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.getMessage()).contains("/total: must be >= 0").contains("/status: is required");
        assertThat(new Violation("", "must be an object")).hasToString("(document): must be an object");
    }
}
