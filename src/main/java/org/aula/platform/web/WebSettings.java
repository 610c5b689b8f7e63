package org.aula.platform.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * HTTP settings of the platform.
 *
 * @param maxJsonBodySize largest request body accepted outside multipart uploads
 * @param accessLog whether each request writes one access-log line
 */
@ConfigurationProperties("aula.web")
record WebSettings(@DefaultValue("1MB") DataSize maxJsonBodySize, @DefaultValue("true") boolean accessLog) {
}
