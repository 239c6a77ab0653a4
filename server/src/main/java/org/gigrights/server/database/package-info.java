/** The database: the embedded PostgreSQL when none is configured, otherwise the configured one. */
package org.gigrights.server.database;
