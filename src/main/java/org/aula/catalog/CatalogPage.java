package org.aula.catalog;

import java.util.List;

import org.aula.platform.web.PageQuery;
import org.aula.platform.web.PageResponse;

/**
 * One cached page of the public catalog: a concrete record, since the shared cache writes
 * JSON and a generic {@link PageResponse} would lose its item type.
 */
record CatalogPage(List<CourseSummary> items, int page, int size, long totalItems, int totalPages) {

	static CatalogPage of(List<CourseSummary> items, PageQuery query, long totalItems) {
		PageResponse<CourseSummary> page = PageResponse.of(items, query, totalItems);
		return new CatalogPage(page.items(), page.page(), page.size(), page.totalItems(), page.totalPages());
	}

	PageResponse<CourseSummary> response() {
		return new PageResponse<>(this.items, this.page, this.size, this.totalItems, this.totalPages);
	}

}
