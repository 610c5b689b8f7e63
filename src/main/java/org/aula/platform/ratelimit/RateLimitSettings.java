package org.aula.platform.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Tuning of the rate limiter; which store it uses is {@code aula.ratelimit.store}.
 *
 * @param maxBuckets how many keys the in-memory store tracks at most; the least recently
 * used are forgotten first, which can only let a forgotten key start afresh
 */
@ConfigurationProperties("aula.ratelimit")
record RateLimitSettings(@DefaultValue("100000") long maxBuckets) {

}
