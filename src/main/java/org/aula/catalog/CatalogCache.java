package org.aula.catalog;

import java.util.UUID;

import org.aula.platform.cache.SharedCache;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The catalog's two caches: list pages ({@value #PAGES}) and public course details
 * ({@value #DETAILS}, by code). Evictions run after the writing transaction commits, so a
 * read between the write and the commit cannot put the old data back.
 */
@Component
class CatalogCache {

	static final String PAGES = "catalog-pages";

	static final String DETAILS = "course-details";

	private final SharedCache cache;

	CatalogCache(SharedCache cache) {
		this.cache = cache;
	}

	CatalogPage page(String text, UUID teacherId, org.aula.platform.web.PageQuery page,
			java.util.function.Supplier<CatalogPage> loader) {
		String key = ((teacherId != null) ? teacherId : "-") + "|" + page.page() + "|" + page.size() + "|"
				+ ((text != null) ? text.trim().toLowerCase(java.util.Locale.ROOT) : "");
		return this.cache.get(PAGES, key, CatalogPage.class, loader);
	}

	CourseDetail detail(String code, java.util.function.Supplier<CourseDetail> loader) {
		return this.cache.get(DETAILS, code, CourseDetail.class, loader);
	}

	/** What a course shows changed: its detail and every list page may be stale. */
	void courseChanged(String code) {
		afterCommit(() -> {
			this.cache.evict(DETAILS, code);
			this.cache.clear(PAGES);
		});
	}

	/**
	 * Courses were added outside the API (by a seed run): every list page may be stale.
	 */
	void coursesAdded() {
		this.cache.clear(PAGES);
	}

	/** Only the course's outline changed, which list pages do not show. */
	void outlineChanged(String code) {
		afterCommit(() -> this.cache.evict(DETAILS, code));
	}

	private static void afterCommit(Runnable action) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					action.run();
				}
			});
		}
		else {
			action.run();
		}
	}

}
