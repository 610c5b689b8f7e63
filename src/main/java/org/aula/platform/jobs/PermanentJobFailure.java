package org.aula.platform.jobs;

/**
 * Thrown by a {@link JobHandler} when retrying cannot help (the payload names something
 * that does not exist, say): the job goes straight to {@code DEAD}.
 */
public class PermanentJobFailure extends RuntimeException {

	public PermanentJobFailure(String message) {
		super(message);
	}

}
