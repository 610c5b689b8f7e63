/**
 * The course catalog: courses, their modules and lessons, lesson media, and the public
 * catalog that everyone browses.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Catalog")
package org.aula.catalog;
