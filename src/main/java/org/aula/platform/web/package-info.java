/**
 * HTTP plumbing every module relies on: RFC 9457 problem responses with stable types,
 * request ids, body size limits and security headers.
 */
@org.springframework.modulith.NamedInterface("web")
package org.aula.platform.web;
