package org.aula.platform.web;

import java.util.List;

/**
 * One page of a list, with what a client needs to page on.
 *
 * @param items the entries of this page
 * @param page zero-based page number
 * @param size the page size asked for
 * @param totalItems entries across all pages
 * @param totalPages number of pages
 * @param <T> entry type
 */
public record PageResponse<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

	public PageResponse {
		items = List.copyOf(items);
	}

	public static <T> PageResponse<T> of(List<T> items, PageQuery query, long totalItems) {
		int pages = (int) ((totalItems + query.size() - 1) / query.size());
		return new PageResponse<>(items, query.page(), query.size(), totalItems, pages);
	}

}
