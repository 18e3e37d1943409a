package io.cosmolite.server.route;

/**
 * Users of a database and their permissions: {@code /dbs/{db}/users} and
 * {@code /dbs/{db}/users/{user}/permissions} (read feed, create, query), and one user or permission
 * (read, replace, delete). Permissions carry no {@code _token} yet: Cosmolite authenticates with the
 * master key only.
 */
final class UserRoutes extends MetadataRoute {}
