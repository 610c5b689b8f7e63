package org.aula.reports;

import org.aula.platform.config.InvalidPlatformConfiguration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.scheduling.support.CronExpression;

/**
 * Report settings.
 *
 * @param refreshCron when the recent days' aggregates are refreshed: six-field cron
 * (second minute hour day month weekday, UTC), or {@code -} to refresh only on demand
 * @param refreshDays how many UTC days, today included, each scheduled refresh recomputes
 * @param maxRows the most rows one report may have; a larger one is refused with 400
 */
@ConfigurationProperties("aula.reports")
record ReportSettings(@DefaultValue("0 */30 * * * *") String refreshCron, @DefaultValue("2") int refreshDays,
		@DefaultValue("100000") int maxRows) {

	ReportSettings {
		if (!"-".equals(refreshCron.trim()) && !CronExpression.isValidExpression(refreshCron)) {
			throw new InvalidPlatformConfiguration("aula.reports.refresh-cron must be a six-field cron expression"
					+ " such as '0 */30 * * * *', or '-' to disable it, not '" + refreshCron + "'");
		}
		if (refreshDays < 1 || refreshDays > ReportRange.MAX_DAYS) {
			throw new InvalidPlatformConfiguration(
					"aula.reports.refresh-days must be 1 to " + ReportRange.MAX_DAYS + ", not " + refreshDays);
		}
		if (maxRows < 1) {
			throw new InvalidPlatformConfiguration("aula.reports.max-rows must be at least 1, not " + maxRows);
		}
	}

}
