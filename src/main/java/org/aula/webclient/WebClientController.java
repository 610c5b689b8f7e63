package org.aula.webclient;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import org.aula.platform.web.NotFound;
import org.aula.webclient.WebAssets.Asset;
import org.aula.webclient.WebAssets.Page;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves the client: the page at every client route (the client routes with the History
 * API, and links in emails point at {@code /register} and {@code /reset-password}) and
 * its assets.
 */
@RestController
@Hidden
class WebClientController {

	/**
	 * Scripts only from Aula plus the one inline import map, by hash; the page may load
	 * media from its own origin (and from the media CDN when one is configured) and
	 * connect to the API and the chat socket on its own origin, nothing else.
	 */
	private static final String PAGE_POLICY = "default-src 'none'; script-src 'self' %s; style-src 'self'; "
			+ "img-src 'self' data: blob:%s; media-src 'self' blob:%s; connect-src 'self'; font-src 'self'; "
			+ "manifest-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

	private static final MediaType HTML = MediaType.parseMediaType("text/html;charset=UTF-8");

	private static final CacheControl FOREVER = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

	private final WebAssets assets;

	private final String pagePolicy;

	WebClientController(WebAssets assets, @Value("${aula.media.public-base-url:}") String mediaBaseUrl) {
		this.assets = assets;
		String mediaOrigin = origin(mediaBaseUrl).map((origin) -> " " + origin).orElse("");
		this.pagePolicy = PAGE_POLICY.formatted(assets.page().scriptHash(), mediaOrigin, mediaOrigin);
	}

	/** The scheme, host and port of an absolute http(s) URL. */
	static Optional<String> origin(String url) {
		if (url == null || url.isBlank()) {
			return Optional.empty();
		}
		try {
			URI uri = URI.create(url.trim());
			String scheme = uri.getScheme();
			if (uri.getHost() == null || !("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme))) {
				return Optional.empty();
			}
			return Optional.of(scheme.toLowerCase(Locale.ROOT) + "://" + uri.getHost().toLowerCase(Locale.ROOT)
					+ ((uri.getPort() >= 0) ? ":" + uri.getPort() : ""));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	/** The paths the client's router knows; anything else stays a 404 problem. */
	@GetMapping({ "/", "/login", "/register", "/forgot-password", "/reset-password", "/catalog", "/courses/**",
			"/learn/**", "/my-courses", "/grades", "/certificates", "/certificates/**", "/chat", "/chat/**", "/teach",
			"/teach/**", "/admin", "/admin/**", "/account" })
	ResponseEntity<byte[]> page(HttpServletRequest request) {
		Page page = this.assets.page();
		HttpHeaders headers = headers(CacheControl.noCache(), page.etag(), HTML);
		headers.set("Content-Security-Policy", this.pagePolicy);
		return respond(request, headers, page.html(), page.gzipped());
	}

	static List<String> routes() {
		try {
			return List.of(WebClientController.class.getDeclaredMethod("page", HttpServletRequest.class)
				.getAnnotation(GetMapping.class)
				.value());
		}
		catch (NoSuchMethodException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@GetMapping("/assets/{*name}")
	ResponseEntity<byte[]> asset(@PathVariable String name, HttpServletRequest request) {
		String path = name.startsWith("/") ? name.substring(1) : name;
		Asset fingerprinted = this.assets.fingerprinted(path).orElse(null);
		// A plain name still answers (an old tab, a bookmark), but must be revalidated:
		// only a fingerprinted name may be cached for good.
		Asset asset = (fingerprinted != null) ? fingerprinted
				: this.assets.plain(path).orElseThrow(() -> new NotFound("Asset"));
		HttpHeaders headers = headers((fingerprinted != null) ? FOREVER : CacheControl.noCache(), asset.etag(),
				asset.contentType());
		return respond(request, headers, asset.bytes(), asset.gzipped());
	}

	private static HttpHeaders headers(CacheControl cache, String etag, MediaType type) {
		HttpHeaders headers = new HttpHeaders();
		headers.setCacheControl(cache);
		headers.setETag(etag);
		headers.setVary(List.of(HttpHeaders.ACCEPT_ENCODING));
		headers.setContentType(type);
		return headers;
	}

	private static ResponseEntity<byte[]> respond(HttpServletRequest request, HttpHeaders headers, byte[] plain,
			byte[] gzipped) {
		if (notModified(request, headers.getETag())) {
			return ResponseEntity.status(HttpStatus.NOT_MODIFIED).headers(headers).build();
		}
		if (gzipped != null && acceptsGzip(request)) {
			headers.set(HttpHeaders.CONTENT_ENCODING, "gzip");
			return ResponseEntity.ok().headers(headers).body(gzipped);
		}
		return ResponseEntity.ok().headers(headers).body(plain);
	}

	private static boolean acceptsGzip(HttpServletRequest request) {
		String accepted = request.getHeader(HttpHeaders.ACCEPT_ENCODING);
		return accepted != null && accepted.toLowerCase(Locale.ROOT).contains("gzip");
	}

	private static boolean notModified(HttpServletRequest request, String etag) {
		String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
		return ifNoneMatch != null && (ifNoneMatch.contains(etag) || ifNoneMatch.contains("W/" + etag));
	}

}
