package org.aula.catalog;

import org.springframework.stereotype.Component;

/** Where clients fetch a media file: Aula's own endpoint, or the configured CDN. */
@Component
class MediaLinks {

	private final String base;

	MediaLinks(MediaSettings settings) {
		this.base = (settings.publicBaseUrl() != null) ? settings.publicBaseUrl() : "/api/media";
	}

	String url(String sha256) {
		return this.base + "/" + sha256;
	}

}
