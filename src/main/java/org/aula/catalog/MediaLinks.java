package org.aula.catalog;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.aula.identity.LinkSignatures;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Where clients fetch a media file: Aula's own endpoint, or the configured CDN. A link to
 * Aula's endpoint carries {@code ?access=<expiry>.<userId>.<signature>}, signed for the
 * file, the user it was handed to and an expiry, because a {@code <video src>} cannot
 * send a bearer token and would otherwise be unable to seek with {@code Range} requests.
 */
@Component
class MediaLinks {

	static final String PURPOSE = "media";

	/** Far longer than any token this class writes; anything longer is garbage. */
	private static final int MAX_ACCESS_LENGTH = 128;

	private final String base;

	private final boolean signed;

	private final Duration ttl;

	private final LinkSignatures signatures;

	private final Clock clock;

	@Autowired
	MediaLinks(MediaSettings settings, LinkSignatures signatures) {
		this(settings, signatures, Clock.systemUTC());
	}

	MediaLinks(MediaSettings settings, LinkSignatures signatures, Clock clock) {
		this.signed = settings.publicBaseUrl() == null;
		this.base = this.signed ? "/api/media" : settings.publicBaseUrl();
		this.ttl = settings.linkTtl();
		this.signatures = signatures;
		this.clock = clock;
	}

	/**
	 * The link for a caller who may read the file.
	 * @param sha256 the file
	 * @param userId the caller, or {@code null} for a link without access
	 * @return the URL, with an access token valid for {@code aula.media.link-ttl} (up to
	 * a quarter more) on Aula's own endpoint
	 */
	String url(String sha256, UUID userId) {
		String url = this.base + "/" + sha256;
		if (!this.signed || userId == null) {
			return url;
		}
		// The expiry is rounded up to a quarter of the lifetime, so a user gets the same
		// link
		// for a while: the browser caches the immutable file by its URL.
		long step = Math.max(60, this.ttl.toSeconds() / 4);
		long expires = Math.ceilDiv(this.clock.instant().plus(this.ttl).getEpochSecond(), step) * step;
		return url + "?access=" + access(sha256, userId, Instant.ofEpochSecond(expires));
	}

	String access(String sha256, UUID userId, Instant expiry) {
		long expires = expiry.getEpochSecond();
		return expires + "." + userId + "." + this.signatures.sign(PURPOSE, message(sha256, userId, expires));
	}

	/**
	 * Whether an access token opens this file now. Anything else, garbage included, is
	 * {@code false}.
	 */
	boolean grants(String sha256, String access) {
		if (access == null || access.length() > MAX_ACCESS_LENGTH) {
			return false;
		}
		String[] parts = access.split("\\.", -1);
		if (parts.length != 3) {
			return false;
		}
		long expires;
		UUID userId;
		try {
			expires = Long.parseLong(parts[0]);
			userId = UUID.fromString(parts[1]);
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
		// Only the spelling this class writes: parseLong and UUID.fromString accept
		// others.
		if (!parts[0].equals(Long.toString(expires)) || !parts[1].equals(userId.toString())
				|| this.clock.instant().getEpochSecond() >= expires) {
			return false;
		}
		return this.signatures.verify(PURPOSE, message(sha256, userId, expires), parts[2]);
	}

	private static String message(String sha256, UUID userId, long expires) {
		return sha256 + "\n" + userId + "\n" + expires;
	}

}
