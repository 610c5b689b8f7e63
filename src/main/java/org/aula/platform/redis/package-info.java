/**
 * What the Redis adapters share so that a Redis outage degrades them instead of breaking
 * Aula: lazily made connections, a circuit breaker and the Lettuce client options.
 */
package org.aula.platform.redis;
