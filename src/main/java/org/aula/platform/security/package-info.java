/**
 * The security chain shared by every module: stateless bearer tokens, deny by default,
 * CORS allow-list, and the hook through which modules declare their public endpoints.
 */
@org.springframework.modulith.NamedInterface("security")
package org.aula.platform.security;
