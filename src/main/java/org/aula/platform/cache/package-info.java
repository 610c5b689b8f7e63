/**
 * Read-through caching of reference data in front of the database, local or shared.
 */
@org.springframework.modulith.NamedInterface("cache")
package org.aula.platform.cache;
