package org.aula.catalog;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.aula.identity.TestLinkSignatures;
import org.aula.testsupport.MutableClock;
import org.aula.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

class MediaLinksTest {

	private static final String SHA = "ab".repeat(32);

	private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));

	private final MediaLinks links = new MediaLinks(settings(null), TestLinkSignatures.signedWith(TestTokens.SECRET),
			this.clock);

	private final UUID user = UUID.randomUUID();

	@Test
	void aLinkOpensItsFileUntilItExpires() {
		String url = this.links.url(SHA, this.user);
		String access = url.substring(url.indexOf("?access=") + "?access=".length());

		assertThat(url).startsWith("/api/media/" + SHA + "?access=");
		assertThat(access).startsWith(Instant.parse("2026-03-01T12:00:00Z").getEpochSecond() + "." + this.user + ".");
		assertThat(this.links.grants(SHA, access)).isTrue();
		assertThat(this.links.grants("cd".repeat(32), access)).as("another file").isFalse();
		this.clock.advance(Duration.ofHours(2).minusSeconds(1));
		assertThat(this.links.grants(SHA, access)).isTrue();
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(this.links.grants(SHA, access)).as("expired").isFalse();
	}

	@Test
	void aUserGetsTheSameLinkForAWhileSoTheBrowserCacheKeepsTheFile() {
		this.clock.advance(Duration.ofMinutes(1));
		String first = this.links.url(SHA, this.user);
		this.clock.advance(Duration.ofMinutes(10));
		String later = this.links.url(SHA, this.user);
		this.clock.advance(Duration.ofMinutes(25));
		String next = this.links.url(SHA, this.user);

		assertThat(later).isEqualTo(first);
		assertThat(next).isNotEqualTo(first);
		String access = next.substring(next.indexOf("?access=") + "?access=".length());
		this.clock.advance(Duration.ofHours(2));
		assertThat(this.links.grants(SHA, access)).as("at least the lifetime").isTrue();
	}

	@Test
	void anotherInstanceWithTheSameKeyHonoursTheLinkAndOneWithAnotherKeyDoesNot() {
		String access = this.links.access(SHA, this.user, this.clock.instant().plusSeconds(60));
		MediaLinks sameKey = new MediaLinks(settings(null), TestLinkSignatures.signedWith(TestTokens.SECRET),
				this.clock);
		MediaLinks otherKey = new MediaLinks(settings(null),
				TestLinkSignatures.signedWith("another-secret-of-at-least-32-bytes!!"), this.clock);

		assertThat(sameKey.grants(SHA, access)).isTrue();
		assertThat(otherKey.grants(SHA, access)).isFalse();
	}

	@Test
	void refusesAnythingItDidNotSign() {
		long expiry = this.clock.instant().plusSeconds(600).getEpochSecond();
		String access = this.links.access(SHA, this.user, Instant.ofEpochSecond(expiry));
		String signature = access.substring(access.lastIndexOf('.') + 1);

		for (String refused : new String[] { null, "", ".", "..", "...", access + ".", "." + access,
				(expiry + 1) + "." + this.user + "." + signature, expiry + "." + UUID.randomUUID() + "." + signature,
				expiry + "." + this.user.toString().toUpperCase() + "." + signature,
				"+" + expiry + "." + this.user + "." + signature, expiry + "." + this.user + "." + signature + "=",
				expiry + "." + this.user + ".", "x." + this.user + "." + signature,
				"99999999999999999999." + this.user + "." + signature, expiry + ".1-1-1-1-1." + signature,
				access + "a".repeat(200) }) {
			assertThat(this.links.grants(SHA, refused)).as(String.valueOf(refused)).isFalse();
		}
		assertThat(this.links.grants(SHA, access)).isTrue();
	}

	@Test
	void linksStayPlainWithoutACallerOrBehindACdn() {
		MediaLinks cdn = new MediaLinks(settings("https://cdn.example.org/media"),
				TestLinkSignatures.signedWith(TestTokens.SECRET), this.clock);

		assertThat(this.links.url(SHA, null)).isEqualTo("/api/media/" + SHA);
		assertThat(cdn.url(SHA, this.user)).isEqualTo("https://cdn.example.org/media/" + SHA);
	}

	private static MediaSettings settings(String publicBaseUrl) {
		return new MediaSettings(DataSize.ofMegabytes(200), publicBaseUrl, Duration.ofHours(2));
	}

}
