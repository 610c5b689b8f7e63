package org.aula.platform.jobs;

import java.util.Objects;

/**
 * A job enqueued on a schedule, declared as a bean by the module that owns it.
 * <p>
 * Each tick enqueues {@code request} exactly once across all instances (the schedule is a
 * row in the database that one worker claims per tick), and the job it creates is retried
 * and shown like any other. When {@code cron} is {@code "-"} the schedule is disabled.
 *
 * @param name unique name of the schedule, such as {@code reports.refresh}
 * @param cron six-field cron expression (second minute hour day month weekday, UTC)
 * @param request the job each tick enqueues
 */
public record RecurringJob(String name, String cron, JobRequest request) {

	/** A {@code cron} value that disables the schedule. */
	public static final String DISABLED = "-";

	public RecurringJob {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(cron, "cron");
		Objects.requireNonNull(request, "request");
	}

	/**
	 * A schedule that enqueues a job of the type it is named after, with an empty
	 * payload, serialised by that type so that two runs never overlap (a slow run and the
	 * next tick).
	 * @param type the job type, also the schedule's name and serial key
	 * @param cron the schedule, or {@value #DISABLED}
	 * @return the recurring job
	 */
	public static RecurringJob selfSerialised(String type, String cron) {
		return new RecurringJob(type, cron, JobRequest.of(type, "").serialisedBy(type));
	}

	public boolean enabled() {
		return !DISABLED.equals(this.cron.trim());
	}

}
