/**
 * The database connections: read-only transactions routed to a replica when one is
 * configured, with a fall-back to the primary, and a start-up check of pool sizes against
 * the server's connection limit.
 */
package org.aula.platform.database;
