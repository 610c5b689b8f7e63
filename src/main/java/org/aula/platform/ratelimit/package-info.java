/**
 * Per-key request rate limiting shared by every HTTP entry point, in memory or in Redis.
 */
@org.springframework.modulith.NamedInterface("ratelimit")
package org.aula.platform.ratelimit;
