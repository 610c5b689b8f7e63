package org.aula.platform.jobs;

import java.time.Instant;
import java.util.UUID;

/**
 * A job as the admin API shows it.
 *
 * @param id the job
 * @param type its handler's type
 * @param state where it is
 * @param payload what it was given
 * @param serialKey the key that serialises it, or null
 * @param attempts attempts started so far
 * @param maxAttempts attempts before it is dead
 * @param progress percent done, or null when the job does not report progress
 * @param progressMessage the job's last note on its progress, or null
 * @param lastError why the last attempt failed, or null
 * @param createdAt when it was enqueued
 * @param startedAt when its last attempt started, or null
 * @param finishedAt when it succeeded or died, or null
 * @param nextAttemptAt when a retrying job runs again, or null
 */
public record JobView(UUID id, String type, JobState state, String payload, String serialKey, int attempts,
		int maxAttempts, Integer progress, String progressMessage, String lastError, Instant createdAt,
		Instant startedAt, Instant finishedAt, Instant nextAttemptAt) {
}
