/**
 * Learning: enrolments and purchases, lesson completions and course progress, and grades.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Learning")
package org.aula.learning;
