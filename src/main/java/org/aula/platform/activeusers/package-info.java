/**
 * How many distinct signed-in users made a request in the last five minutes: counted in
 * this instance's memory, or across every instance in Redis.
 */
@org.springframework.modulith.NamedInterface("activeusers")
package org.aula.platform.activeusers;
