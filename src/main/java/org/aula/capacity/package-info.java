/**
 * Capacity: reads the live meters of this instance (requests, latency, database pool,
 * memory, cache, job queue, chat sockets) and the active users of the whole deployment,
 * compares them with warning and act thresholds, and advises when to move to the next
 * stage of scaling out and which settings to change. Shown to admins at
 * {@code /api/admin/capacity} and to Prometheus as {@code aula_capacity_*} gauges.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Capacity")
package org.aula.capacity;
