package io.cosmolite.server.route;

/**
 * Stored procedures, triggers and user-defined functions of a container:
 * {@code .../colls/{coll}/sprocs|triggers|udfs} (read feed, create, query) and
 * {@code .../{type}/{id}} (read, replace, delete). Cosmolite stores them for the SDKs to manage;
 * it does not run them (executing a stored procedure is a POST to one, which answers 405).
 */
final class ScriptRoutes extends MetadataRoute {}
