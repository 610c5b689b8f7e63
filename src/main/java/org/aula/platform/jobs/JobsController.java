package org.aula.platform.jobs;

import java.util.Locale;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
import org.aula.platform.web.Conflict;
import org.aula.platform.web.InvalidInput;
import org.aula.platform.web.NotFound;
import org.aula.platform.web.PageQuery;
import org.aula.platform.web.PageResponse;
import org.aula.platform.web.ProblemTypes;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Lets administrators watch the job queue and retry dead jobs.
 */
@RestController
@PreAuthorize("hasRole('ADMIN')")
class JobsController {

	private final JobLedger ledger;

	private final JdbcJobs jobs;

	JobsController(JobLedger ledger, JdbcJobs jobs) {
		this.ledger = ledger;
		this.jobs = jobs;
	}

	/**
	 * Jobs, newest first.
	 * @param state only jobs in this state: queued, running, retrying, succeeded or dead
	 * @param type only jobs of this type, e.g. {@code email.deliver}
	 * @param page zero-based page, default 0
	 * @param size jobs per page, 1 to 100, default 20
	 * @return one page of jobs
	 */
	@GetMapping("/api/admin/jobs")
	@Transactional(readOnly = true)
	PageResponse<JobView> list(@RequestParam(required = false) String state,
			@RequestParam(required = false) String type, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		PageQuery query = PageQuery.of(page, size);
		JobState wanted = parseState(state);
		String wantedType = (type == null || type.isBlank()) ? null : type;
		return PageResponse.of(this.ledger.page(wanted, wantedType, query.size(), query.offset()), query,
				this.ledger.count(wanted, wantedType));
	}

	/**
	 * One job with its state, attempts, progress and last error.
	 * @param id the job
	 * @return the job
	 */
	@GetMapping("/api/admin/jobs/{id}")
	JobView get(@PathVariable UUID id) {
		return this.ledger.find(id).orElseThrow(() -> new NotFound("job " + id));
	}

	/**
	 * Runs a dead or retrying job again now, with a fresh set of attempts.
	 * @param id the job
	 * @return the job, queued
	 */
	@PostMapping("/api/admin/jobs/{id}/retry")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Transactional
	JobView retry(@PathVariable UUID id) {
		JobView job = this.ledger.find(id).orElseThrow(() -> new NotFound("job " + id));
		boolean retried;
		try {
			retried = this.jobs.retry(id);
		}
		catch (TaskInstanceCurrentlyExecutingException busy) {
			// A worker holds the job's execution this very moment (finishing its last
			// attempt): nothing changed, the admin may try again in a moment.
			throw new Conflict(ProblemTypes.of("job-busy"), "A worker is finishing this job right now; try again");
		}
		if (!retried) {
			throw new Conflict(ProblemTypes.of("job-not-retryable"),
					"Only dead or retrying jobs can be retried; this one is "
							+ job.state().name().toLowerCase(Locale.ROOT));
		}
		return this.ledger.find(id).orElseThrow();
	}

	private static JobState parseState(String state) {
		if (state == null || state.isBlank()) {
			return null;
		}
		try {
			return JobState.valueOf(state.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInput("state", "must be one of queued, running, retrying, succeeded, dead");
		}
	}

}
