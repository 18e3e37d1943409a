package io.cosmolite.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the test class against an in-memory Cosmolite server: {@link CosmoliteExtension} registered
 * with these settings. Tests receive {@code CosmosClient}, {@code CosmosAsyncClient} or
 * {@code CosmoliteServer} parameters.
 *
 * <pre>{@code
 * @Cosmolite(partitions = 4)
 * class OrdersTest {
 *     @Test
 *     void createsAnOrder(CosmosClient client) { ... }
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(CosmoliteExtension.class)
public @interface Cosmolite {
    /** Physical partitions of each new container, 1..64. */
    int partitions() default 1;

    /** HTTPS with a self-signed certificate (true) or plain HTTP (false). */
    boolean tls() default true;
}
