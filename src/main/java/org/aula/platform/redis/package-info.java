/**
 * What the Redis adapters share so that a Redis outage degrades them instead of breaking
 * Aula: lazily made connections, a circuit breaker, the Lettuce client options and
 * connections for every Redis topology. Exposed for modules that keep best-effort state
 * in Redis of their own, such as chat presence.
 */
@org.springframework.modulith.NamedInterface("redis")
package org.aula.platform.redis;
