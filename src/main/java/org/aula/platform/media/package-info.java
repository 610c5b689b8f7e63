/**
 * Content-addressed file storage shared by the modules: lesson media, issued
 * certificates. Each module keeps the SHA-256 addresses of its files with its own data
 * and checks itself who may download them.
 */
@org.springframework.modulith.NamedInterface("media")
package org.aula.platform.media;
