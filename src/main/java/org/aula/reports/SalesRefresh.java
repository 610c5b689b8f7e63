package org.aula.reports;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.aula.learning.SalesStatistics;
import org.aula.learning.SalesStatistics.DayFigures;
import org.aula.platform.jobs.JobContext;
import org.aula.platform.jobs.JobHandler;
import org.aula.platform.jobs.JobRequest;
import org.aula.platform.jobs.PermanentJobFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@value #TYPE} job: recomputes the daily aggregates of a range of days from
 * learning's {@link SalesStatistics}, a chunk of {@value #CHUNK_DAYS} days per
 * transaction (delete the chunk's days, insert their new rows), so a reader sees each day
 * either before or after its refresh. Running it twice leaves the same rows as running it
 * once.
 * <p>
 * The payload names the range ({@code {"from":"2026-01-01","to":"2026-01-31"}}); an empty
 * one ({@code {}}, as the schedule sends) means the last
 * {@code aula.reports.refresh-days} days at the time the job runs. Every refresh holds
 * the serial key {@value #SERIAL_KEY}, so two never overlap.
 */
@Component
class SalesRefresh implements JobHandler {

	static final String TYPE = "reports.refresh";

	static final String SERIAL_KEY = "reports.sales";

	static final int CHUNK_DAYS = 31;

	private static final Logger logger = LoggerFactory.getLogger(SalesRefresh.class);

	private final SalesStatistics statistics;

	private final SalesDaily salesDaily;

	private final TransactionTemplate transactions;

	private final JsonMapper json;

	private final ReportSettings settings;

	private final Clock clock = Clock.systemUTC();

	SalesRefresh(SalesStatistics statistics, SalesDaily salesDaily, PlatformTransactionManager transactions,
			JsonMapper json, ReportSettings settings) {
		this.statistics = statistics;
		this.salesDaily = salesDaily;
		this.transactions = new TransactionTemplate(transactions);
		this.json = json;
		this.settings = settings;
	}

	/** The scheduled refresh: the recent days, decided when it runs. */
	static JobRequest recent() {
		return JobRequest.of(TYPE, "{}").serialisedBy(SERIAL_KEY);
	}

	/** A refresh of exactly these days. */
	JobRequest request(ReportRange range) {
		return JobRequest.of(TYPE, this.json.writeValueAsString(new Payload(range.from(), range.to())))
			.serialisedBy(SERIAL_KEY);
	}

	/** The range a refresh without one covers, if it started now. */
	ReportRange recentDays() {
		return ReportRange.lastDays(this.settings.refreshDays(), this.clock);
	}

	@Override
	public String type() {
		return TYPE;
	}

	@Override
	public void run(JobContext job) throws InterruptedException {
		ReportRange range = range(job.payload());
		List<ReportRange> chunks = range.chunks(CHUNK_DAYS);
		long rows = 0;
		for (int i = 0; i < chunks.size(); i++) {
			if (job.isStopping()) {
				throw new InterruptedException("Stopping before " + chunks.get(i));
			}
			ReportRange chunk = chunks.get(i);
			Integer written = this.transactions.execute((status) -> {
				List<DayFigures> figures = this.statistics.daily(chunk.from(), chunk.to());
				return this.salesDaily.replace(chunk, figures, this.clock.instant());
			});
			rows += (written != null) ? written : 0;
			long done = chunk.to().toEpochDay() - range.from().toEpochDay() + 1;
			job.progress((int) (done * 100 / range.days()),
					"%d of %d days (to %s), %d rows".formatted(done, range.days(), chunk.to(), rows));
		}
		logger.info("Refreshed the sales aggregates of {}: {} rows", range, rows);
	}

	private ReportRange range(String payload) {
		Payload parsed;
		try {
			parsed = this.json.readValue(payload, Payload.class);
		}
		catch (JacksonException ex) {
			throw new PermanentJobFailure("The payload is not a range of days: " + ex.getOriginalMessage());
		}
		if (parsed == null || (parsed.from() == null && parsed.to() == null)) {
			return recentDays();
		}
		if (parsed.from() == null || parsed.to() == null || parsed.from().isAfter(parsed.to())
				|| parsed.to().toEpochDay() - parsed.from().toEpochDay() + 1 > ReportRange.MAX_DAYS) {
			throw new PermanentJobFailure("The payload must name both from and to, from not after to, at most "
					+ ReportRange.MAX_DAYS + " days: " + payload);
		}
		return new ReportRange(parsed.from(), parsed.to());
	}

	/**
	 * What a refresh job is given.
	 *
	 * @param from the first day, or null with {@code to} for the recent days
	 * @param to the last day, or null with {@code from}
	 */
	record Payload(LocalDate from, LocalDate to) {
	}

}
