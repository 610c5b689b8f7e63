package org.aula.platform.web;

/**
 * A validated page request from {@code ?page=&size=}: page from 0, size from 1 to
 * {@link #MAX_SIZE}, defaults 0 and 20.
 *
 * @param page zero-based page number
 * @param size entries per page
 */
public record PageQuery(int page, int size) {

	public static final int MAX_SIZE = 100;

	public static final int DEFAULT_SIZE = 20;

	public PageQuery {
		if (page < 0) {
			throw new InvalidInput("page", "must be 0 or more");
		}
		if (size < 1 || size > MAX_SIZE) {
			throw new InvalidInput("size", "must be between 1 and " + MAX_SIZE);
		}
	}

	/** From optional request parameters. */
	public static PageQuery of(Integer page, Integer size) {
		return new PageQuery((page != null) ? page : 0, (size != null) ? size : DEFAULT_SIZE);
	}

	public long offset() {
		return (long) this.page * this.size;
	}

}
