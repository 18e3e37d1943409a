/**
 * The {@code cosmolite} command line (picocli): {@link io.cosmolite.cli.Main} runs
 * {@link io.cosmolite.cli.CosmoliteCommand}, whose {@code serve} subcommand
 * ({@link io.cosmolite.cli.ServeCommand}) starts a {@link io.cosmolite.server.CosmoliteServer} and
 * prints how to connect to it ({@link io.cosmolite.cli.ConnectionGuide}).
 *
 * <p>Exit codes: 0 success, 1 failure (one line on stderr, see {@link io.cosmolite.cli.StartFailure}),
 * 2 usage error (picocli's). Uses only the server's public API.
 */
package io.cosmolite.cli;
