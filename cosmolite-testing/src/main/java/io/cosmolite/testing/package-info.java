/**
 * Testing support: {@link io.cosmolite.testing.CosmoliteExtension}, a JUnit 5 extension that runs an
 * in-process Cosmolite server per test class and injects ready clients of the official SDK, in place
 * of an emulator container.
 */
package io.cosmolite.testing;
