package org.aula.platform.config;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.aula.testsupport.HttpApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged jar, started the way a new user starts Aula: no settings at all, in an
 * empty folder. It must create its H2 database under {@code ./data}, answer ready, stop
 * cleanly on SIGTERM, and find its data again on the next start.
 */
class PackagedJarIT {

	@TempDir
	Path workingDirectory;

	@Test
	void startsWithNoSettingsKeepsDataInDataFolderAndStopsOnSigterm() throws Exception {
		Path jar = packagedJar();
		String firstLog = runOnce(jar, "first");
		assertThat(this.workingDirectory.resolve("data/aula.mv.db")).exists();
		assertThat(this.workingDirectory.resolve("data/jwt-secret")).exists();
		assertThat(firstLog).contains("| mode             | embedded")
			.contains("Successfully applied")
			.contains("First admin created")
			.contains("Demo accounts");

		String secondLog = runOnce(jar, "second");
		assertThat(secondLog).contains("is up to date. No migration necessary")
			.doesNotContain("First admin created")
			.doesNotContain("Demo accounts");
	}

	private String runOnce(Path jar, String name) throws Exception {
		int port = freePort();
		Path log = this.workingDirectory.resolve(name + ".log");
		ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-jar", jar.toString(), "--server.port=" + port)
			.directory(this.workingDirectory.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		List.of("AULA_DATABASE_URL", "AULA_REDIS_URL", "SPRING_DATASOURCE_URL").forEach(builder.environment()::remove);
		Process process = builder.start();
		try {
			HttpApi http = new HttpApi(port);
			await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).ignoreExceptions().until(() -> {
				assertThat(process.isAlive()).as("Aula exited; see " + log).isTrue();
				return http.get("/api/ready").status() == 200;
			});
			HttpApi.Response login = http.postJson("/api/auth/login",
					"{\"email\":\"ana@aula.local\",\"password\":\"demo-password-2026\"}");
			assertThat(login.status()).as("demo student signs in: " + login.body()).isEqualTo(200);
			process.destroy();
			assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
			String output = Files.readString(log);
			assertThat(output).doesNotContain("\"level\":\"ERROR\"");
			return output;
		}
		finally {
			process.destroyForcibly();
		}
	}

	private static Path packagedJar() throws IOException {
		try (Stream<Path> files = Files.list(Path.of("target"))) {
			return files.filter((file) -> file.getFileName().toString().matches("aula-.*\\.jar"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("Run through ./mvnw verify: the jar is built first"))
				.toAbsolutePath();
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
