package org.aula.webclient;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import org.aula.testsupport.EmbeddedAulaTest;
import org.aula.testsupport.HttpApi;
import org.aula.testsupport.HttpApi.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@EmbeddedAulaTest
class WebClientIT {

	private static final Pattern ENTRY = Pattern
		.compile("<script type=\"module\" src=\"(/assets/app\\.[0-9a-f]{10}\\.js)\">");

	@LocalServerPort
	int port;

	private HttpApi http;

	@BeforeEach
	void client() {
		this.http = new HttpApi(this.port);
	}

	@Test
	void thePageIsServedAtEveryClientRouteAndIsNeverCachedWithoutRevalidation() {
		for (String path : new String[] { "/", "/catalog", "/courses/MAT-101", "/register?token=abc", "/reset-password",
				"/learn/MAT-101/lessons/1", "/teach/new", "/admin/capacity", "/chat/room" }) {
			Response page = this.http.get(path);
			assertThat(page.status()).as(path).isEqualTo(200);
			assertThat(page.contentType()).as(path).startsWith("text/html");
			assertThat(page.header("Cache-Control")).as(path).isEqualTo("no-cache");
			assertThat(page.body()).as(path).contains("<main id=\"main\"");
		}
	}

	@Test
	void fingerprintedAssetsAreCachedForAYearAndPlainNamesMustRevalidate() {
		String entry = entryUrl();
		Response fingerprinted = this.http.get(entry);
		Response plain = this.http.get("/assets/app.js");

		assertThat(fingerprinted.status()).isEqualTo(200);
		assertThat(fingerprinted.contentType()).startsWith("text/javascript");
		assertThat(fingerprinted.header("Cache-Control")).isEqualTo("max-age=31536000, public, immutable");
		assertThat(plain.status()).isEqualTo(200);
		assertThat(plain.header("Cache-Control")).isEqualTo("no-cache");
		assertThat(plain.body()).isEqualTo(fingerprinted.body());
	}

	@Test
	void theImportMapSendsEveryModuleToItsFingerprintedNameAndTheCspAllowsOnlyThatInlineScript() {
		Response page = this.http.get("/");
		Matcher importMap = Pattern.compile("<script type=\"importmap\">(.*?)</script>").matcher(page.body());
		assertThat(importMap.find()).isTrue();
		for (String module : new String[] { "app", "api", "i18n", "ui", "public", "student", "teacher", "admin",
				"chat" }) {
			assertThat(importMap.group(1))
				.containsPattern("\"/assets/" + module + "\\.js\":\"/assets/" + module + "\\.[0-9a-f]{10}\\.js\"");
		}
		assertThat(page.headers().allValues("Content-Security-Policy")).hasSize(1);
		String policy = page.header("Content-Security-Policy");
		assertThat(policy).contains("media-src 'self' blob:;").contains("img-src 'self' data: blob:;");
		assertThat(policy).contains("script-src 'self' 'sha256-")
			.doesNotContain("unsafe-inline")
			.contains("frame-ancestors 'none'");
		assertThat(page.body()).doesNotContainPattern("<script>");
	}

	@Test
	void aRevisitWithTheEntityTagGetsNotModified() {
		Response page = this.http.get("/");
		Response again = this.http.get("/", "If-None-Match", page.header("ETag"));
		Response asset = this.http.get(entryUrl());
		Response assetAgain = this.http.get(entryUrl(), "If-None-Match", asset.header("ETag"));

		assertThat(again.status()).isEqualTo(304);
		assertThat(again.body()).isEmpty();
		assertThat(assetAgain.status()).isEqualTo(304);
	}

	@Test
	void textAssetsAreGzippedForBrowsersThatAcceptIt() throws IOException, InterruptedException {
		HttpResponse<byte[]> gzipped = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(this.http.request(entryUrl()).build().uri())
				.header("Accept-Encoding", "gzip, deflate, br")
				.build(), HttpResponse.BodyHandlers.ofByteArray());
		String plain = this.http.get(entryUrl()).body();

		assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
		assertThat(gzipped.headers().firstValue("Vary"))
			.hasValueSatisfying((vary) -> assertThat(vary).contains("Accept-Encoding"));
		assertThat(gzipped.body().length).isLessThan(plain.getBytes(StandardCharsets.UTF_8).length);
		try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped.body()))) {
			assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(plain);
		}
	}

	@Test
	void unknownAssetsAndPathsAreProblemsNotThePage() {
		Response asset = this.http.get("/assets/app.0000000000.js");
		Response escape = this.http.get("/assets/..%2Fapplication.yaml");
		Response path = this.http.get("/no-such-page");

		assertThat(asset.status()).isEqualTo(404);
		assertThat(asset.contentType()).startsWith("application/problem+json");
		assertThat(escape.status()).isIn(400, 404);
		assertThat(path.status()).isIn(401, 404);
		assertThat(path.body()).doesNotContain("<main");
	}

	private String entryUrl() {
		Matcher entry = ENTRY.matcher(this.http.get("/").body());
		assertThat(entry.find()).isTrue();
		return entry.group(1);
	}

}
