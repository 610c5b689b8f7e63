package org.aula.platform.web;

/**
 * One reason a request was rejected as invalid: the offending field (a JSON property
 * path, or a parameter name) and a message a person can act on.
 */
public record FieldError(String field, String message) {
}
