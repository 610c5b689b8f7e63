/**
 * The data generator behind {@code java -jar aula.jar seed}: a plan of how much realistic
 * data to create, with ids, emails and relationships derived from a seed value so that
 * every module can create its own rows without asking another, and running the same seed
 * twice creates nothing new.
 */
@org.springframework.modulith.NamedInterface("seeding")
package org.aula.platform.seeding;
