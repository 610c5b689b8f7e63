/**
 * Small helpers for the explicit SQL every module writes with {@code JdbcClient}.
 */
@org.springframework.modulith.NamedInterface("jdbc")
package org.aula.platform.jdbc;
