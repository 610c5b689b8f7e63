/**
 * Cross-cutting platform: configuration of the embedded and scaled-out modes, switchable
 * adapters (rate limit, cache, token revocation, pub/sub, active users), HTTP errors as
 * RFC 9457 problems, request ids, security headers, health and readiness.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform")
package org.aula.platform;
