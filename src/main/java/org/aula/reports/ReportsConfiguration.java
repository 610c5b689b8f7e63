package org.aula.reports;

import org.aula.platform.jobs.RecurringJob;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReportSettings.class)
class ReportsConfiguration {

	/** Keeps the recent days' aggregates fresh: {@code aula.reports.refresh-cron}. */
	@Bean
	RecurringJob salesReportRefresh(ReportSettings settings) {
		return new RecurringJob(SalesRefresh.TYPE, settings.refreshCron(), SalesRefresh.recent());
	}

}
