package org.aula.webclient;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.MediaType;

/**
 * The client's files, read once at start-up. Each asset gets a fingerprinted name
 * ({@code app.js} → {@code app.3f2a9c01b7.js}) from the SHA-256 of its bytes, so a name
 * never changes meaning and browsers may keep it for a year. Modules import each other by
 * plain relative paths; the page's import map sends those paths to the fingerprinted
 * names, so no build step rewrites the sources.
 */
final class WebAssets {

	static final String ASSETS_PATH = "/assets/";

	private static final int MIN_GZIP_SIZE = 512;

	private final Map<String, Asset> byFingerprintedName;

	private final Map<String, Asset> byName;

	private final Page page;

	private WebAssets(Map<String, Asset> byName, Page page) {
		this.byName = byName;
		this.byFingerprintedName = new TreeMap<>();
		byName.values().forEach((asset) -> this.byFingerprintedName.put(asset.fingerprintedName(), asset));
		this.page = page;
	}

	/**
	 * Reads the client from {@code classpath:web/}: {@code index.html} and
	 * {@code assets/**}.
	 */
	static WebAssets load() {
		try {
			PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
			Map<String, Asset> assets = new TreeMap<>();
			for (Resource resource : resolver.getResources("classpath*:web/assets/**/*.*")) {
				String url = resource.getURL().toString();
				String name = url.substring(url.indexOf("web/assets/") + "web/assets/".length());
				assets.put(name, Asset.of(name, resource.getContentAsByteArray()));
			}
			String template = resolver.getResource("classpath:web/index.html")
				.getContentAsString(StandardCharsets.UTF_8);
			return new WebAssets(assets, Page.render(template, assets));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The web client's files could not be read", ex);
		}
	}

	Optional<Asset> fingerprinted(String name) {
		return Optional.ofNullable(this.byFingerprintedName.get(name));
	}

	Optional<Asset> plain(String name) {
		return Optional.ofNullable(this.byName.get(name));
	}

	Page page() {
		return this.page;
	}

	/**
	 * One file with its fingerprinted name and, when compressing pays, its gzip form.
	 *
	 * @param name the path under {@code assets/}, e.g. {@code app.js}
	 * @param fingerprintedName the name with the content hash
	 * @param contentType the media type to serve it with
	 * @param bytes the file
	 * @param gzipped the gzip-compressed file, or {@code null} if it would not be smaller
	 * @param etag a strong entity tag
	 */
	record Asset(String name, String fingerprintedName, MediaType contentType, byte[] bytes, byte[] gzipped,
			String etag) {

		static Asset of(String name, byte[] bytes) {
			byte[] digest = sha256(bytes);
			String hash = HexFormat.of().formatHex(digest, 0, 5);
			int dot = name.lastIndexOf('.');
			String fingerprinted = name.substring(0, dot) + "." + hash + name.substring(dot);
			byte[] gzipped = (bytes.length >= MIN_GZIP_SIZE && compressible(name)) ? gzip(bytes) : null;
			if (gzipped != null && gzipped.length >= bytes.length) {
				gzipped = null;
			}
			return new Asset(name, fingerprinted, typeOf(name), bytes, gzipped,
					"\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"");
		}

		String url() {
			return ASSETS_PATH + this.fingerprintedName;
		}

		private static boolean compressible(String name) {
			return name.endsWith(".js") || name.endsWith(".css") || name.endsWith(".svg") || name.endsWith(".json");
		}

	}

	/**
	 * {@code index.html} with the import map, stylesheet and entry module filled in.
	 *
	 * @param html the page
	 * @param gzipped the page, gzip-compressed
	 * @param scriptHash the CSP source ({@code 'sha256-...'}) of the inline import map
	 * @param etag a strong entity tag
	 */
	record Page(byte[] html, byte[] gzipped, String scriptHash, String etag) {

		private static final String HEAD_MARKER = "<!-- aula:head -->";

		static Page render(String template, Map<String, Asset> assets) {
			if (!template.contains(HEAD_MARKER)) {
				throw new IllegalStateException("web/index.html lacks the " + HEAD_MARKER + " marker");
			}
			Map<String, String> imports = new LinkedHashMap<>();
			assets.values()
				.stream()
				.filter((asset) -> asset.name().endsWith(".js"))
				.forEach((asset) -> imports.put(ASSETS_PATH + asset.name(), asset.url()));
			StringBuilder map = new StringBuilder("{\"imports\":{");
			imports.forEach((from, to) -> map.append('"').append(from).append("\":\"").append(to).append("\","));
			if (!imports.isEmpty()) {
				map.setLength(map.length() - 1);
			}
			map.append("}}");
			StringBuilder head = new StringBuilder();
			head.append("<script type=\"importmap\">").append(map).append("</script>\n");
			Asset css = required(assets, "app.css");
			Asset entry = required(assets, "app.js");
			head.append("<link rel=\"stylesheet\" href=\"").append(css.url()).append("\">\n");
			head.append("<link rel=\"modulepreload\" href=\"").append(entry.url()).append("\">\n");
			head.append("<script type=\"module\" src=\"").append(entry.url()).append("\"></script>");
			byte[] html = template.replace(HEAD_MARKER, head).getBytes(StandardCharsets.UTF_8);
			String scriptHash = "'sha256-"
					+ Base64.getEncoder().encodeToString(sha256(map.toString().getBytes(StandardCharsets.UTF_8))) + "'";
			return new Page(html, gzip(html), scriptHash, "\"" + HexFormat.of().formatHex(sha256(html), 0, 16) + "\"");
		}

		private static Asset required(Map<String, Asset> assets, String name) {
			Asset asset = assets.get(name);
			if (asset == null) {
				throw new IllegalStateException("web/assets/" + name + " is missing");
			}
			return asset;
		}

	}

	private static MediaType typeOf(String name) {
		if (name.endsWith(".js")) {
			return MediaType.parseMediaType("text/javascript;charset=UTF-8");
		}
		if (name.endsWith(".css")) {
			return MediaType.parseMediaType("text/css;charset=UTF-8");
		}
		if (name.endsWith(".svg")) {
			return MediaType.parseMediaType("image/svg+xml");
		}
		if (name.endsWith(".json")) {
			return MediaType.APPLICATION_JSON;
		}
		if (name.endsWith(".png")) {
			return MediaType.IMAGE_PNG;
		}
		if (name.endsWith(".ico")) {
			return MediaType.parseMediaType("image/x-icon");
		}
		return MediaType.APPLICATION_OCTET_STREAM;
	}

	private static byte[] sha256(byte[] bytes) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(bytes);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] gzip(byte[] bytes) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 3 + 64);
		try (GZIPOutputStream gzip = new GZIPOutputStream(out) {
			{
				this.def.setLevel(Deflater.BEST_COMPRESSION);
			}
		}) {
			gzip.write(bytes);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

}
