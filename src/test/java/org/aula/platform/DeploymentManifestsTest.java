package org.aula.platform;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import org.springframework.boot.convert.DurationStyle;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deployment files (deploy/, Dockerfile) cannot be run here, so these checks keep
 * them consistent with the application they deploy: probe paths and ports, setting names,
 * the shutdown and database-connection budgets, and the upload limit at the proxy.
 */
class DeploymentManifestsTest {

	private static final Path DEPLOY = Path.of("deploy");

	private static final Path K8S = DEPLOY.resolve("k8s");

	/** PostgreSQL's default max_connections minus its default superuser reserve. */
	private static final int DEFAULT_POSTGRES_CONNECTIONS = 100 - 3;

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_.-]+)(?::([^}]*))?}");

	@Test
	void everyManifestIsWellFormedYamlWithAKind() throws IOException {
		List<Path> files = yamlFiles(DEPLOY);
		assertThat(files).hasSizeGreaterThanOrEqualTo(10);
		for (Path file : files) {
			List<Map<String, Object>> documents = documents(file);
			assertThat(documents).as(file.toString()).isNotEmpty();
			if (file.startsWith(K8S)) {
				assertThat(documents).as(file.toString())
					.allSatisfy((document) -> assertThat(document).containsKeys("apiVersion", "kind"));
			}
		}
	}

	@Test
	void kustomizationListsEveryManifestButTheSecretExample() throws IOException {
		Map<String, Object> kustomization = document(K8S.resolve("kustomization.yaml"));
		Set<String> listed = new TreeSet<>(strings(kustomization.get("resources")));
		Set<String> present = new TreeSet<>();
		for (Path file : yamlFiles(K8S)) {
			present.add(file.getFileName().toString());
		}
		present.removeAll(Set.of("kustomization.yaml", "secret.example.yaml"));
		assertThat(listed).isEqualTo(present);
	}

	@Test
	void kubernetesProbesAskTheApplicationsLivenessAndReadinessEndpoints() throws Exception {
		for (String name : List.of("api-deployment.yaml", "worker-deployment.yaml")) {
			Map<String, Object> container = container(document(K8S.resolve(name)));
			Map<String, Object> port = maps(container.get("ports")).get(0);
			assertThat(port.get("containerPort")).as(name).isEqualTo(serverPortDefault());
			assertThat(probe(container, "startupProbe")).as(name).containsEntry("path", healthPath());
			assertThat(probe(container, "livenessProbe")).as(name).containsEntry("path", healthPath());
			assertThat(probe(container, "readinessProbe")).as(name).containsEntry("path", readyPath());
			for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
				assertThat(probe(container, probe)).as(name + " " + probe).containsEntry("port", port.get("name"));
			}
			assertThat(env(container)).as(name).containsEntry("PORT", String.valueOf(serverPortDefault()));
		}
	}

	@Test
	void theServiceSendsTrafficToApiPodsOnly() throws IOException {
		Map<String, Object> service = document(K8S.resolve("service.yaml"));
		Map<String, Object> selector = map(map(service.get("spec")).get("selector"));
		Map<String, Object> servicePort = maps(map(service.get("spec")).get("ports")).get(0);
		Map<String, Object> api = document(K8S.resolve("api-deployment.yaml"));
		Map<String, Object> worker = document(K8S.resolve("worker-deployment.yaml"));
		assertThat(podLabels(api)).containsAllEntriesOf(selector);
		assertThat(podLabels(worker)).doesNotContainEntry("app.kubernetes.io/component",
				selector.get("app.kubernetes.io/component"));
		assertThat(servicePort.get("targetPort")).isEqualTo(maps(container(api).get("ports")).get(0).get("name"));
	}

	@Test
	void onlyTheWorkerPodsRunJobs() throws IOException {
		assertThat(env(container(document(K8S.resolve("api-deployment.yaml")))))
			.containsEntry("AULA_JOBS_WORKER_ENABLED", "false");
		assertThat(env(container(document(K8S.resolve("worker-deployment.yaml")))))
			.containsEntry("AULA_JOBS_WORKER_ENABLED", "true");
	}

	@Test
	void theAutoscalerAndDisruptionBudgetTargetTheApiPods() throws IOException {
		Map<String, Object> api = document(K8S.resolve("api-deployment.yaml"));
		Map<String, Object> hpaSpec = map(document(K8S.resolve("hpa.yaml")).get("spec"));
		assertThat(map(hpaSpec.get("scaleTargetRef"))).containsEntry("kind", "Deployment")
			.containsEntry("name", map(api.get("metadata")).get("name"));
		Map<String, Object> cpu = map(maps(hpaSpec.get("metrics")).get(0).get("resource"));
		assertThat(cpu).containsEntry("name", "cpu");
		assertThat(map(cpu.get("target"))).containsEntry("averageUtilization", 70);
		assertThat((int) hpaSpec.get("minReplicas")).isEqualTo(map(api.get("spec")).get("replicas"));
		for (Map<String, Object> pdb : documents(K8S.resolve("pdb.yaml"))) {
			Map<String, Object> selector = map(map(map(pdb.get("spec")).get("selector")).get("matchLabels"));
			String component = (String) selector.get("app.kubernetes.io/component");
			Map<String, Object> deployment = document(K8S.resolve(component + "-deployment.yaml"));
			assertThat(podLabels(deployment)).containsAllEntriesOf(selector);
			assertThat((int) map(pdb.get("spec")).get("minAvailable"))
				.isLessThan((int) map(deployment.get("spec")).get("replicas"));
		}
	}

	@Test
	void podsGetTimeToDrainAndFinishRequestsBeforeTheyAreKilled() throws IOException {
		Map<String, String> settings = configMap();
		Duration drain = DurationStyle.detectAndParse(settings.get("AULA_SHUTDOWN_DRAIN_DELAY"));
		Duration timeout = DurationStyle.detectAndParse(settings.get("AULA_SHUTDOWN_TIMEOUT"));
		for (String name : List.of("api-deployment.yaml", "worker-deployment.yaml")) {
			Map<String, Object> podSpec = podSpec(document(K8S.resolve(name)));
			Map<String, Object> preStop = map(
					map(container(document(K8S.resolve(name))).get("lifecycle")).get("preStop"));
			List<String> command = strings(map(preStop.get("exec")).get("command"));
			assertThat(command.get(0)).isEqualTo("sleep");
			Duration sleep = Duration.ofSeconds(Long.parseLong(command.get(1)));
			Duration grace = Duration.ofSeconds((int) podSpec.get("terminationGracePeriodSeconds"));
			assertThat(grace).as(name).isGreaterThan(sleep.plus(drain).plus(timeout));
		}
		Map<String, Object> app = composeService("app");
		Map<String, String> appEnv = stringMap(app.get("environment"));
		Duration composeBudget = DurationStyle.detectAndParse(appEnv.get("AULA_SHUTDOWN_DRAIN_DELAY"))
			.plus(DurationStyle.detectAndParse(appEnv.get("AULA_SHUTDOWN_TIMEOUT")));
		assertThat(DurationStyle.detectAndParse((String) app.get("stop_grace_period"))).isGreaterThan(composeBudget);
	}

	@Test
	void everyPodThatCanRunFitsInTheDatabaseConnectionBudget() throws IOException {
		Map<String, String> settings = configMap();
		int poolSize = Integer.parseInt(settings.get("AULA_DATABASE_POOL_SIZE"));
		int expected = Integer.parseInt(settings.get("AULA_DATABASE_EXPECTED_INSTANCES"));
		int maxApi = (int) map(document(K8S.resolve("hpa.yaml")).get("spec")).get("maxReplicas");
		int workers = (int) map(document(K8S.resolve("worker-deployment.yaml")).get("spec")).get("replicas");
		assertThat(expected).isEqualTo(maxApi + workers);
		assertThat(expected * poolSize).isLessThanOrEqualTo(DEFAULT_POSTGRES_CONNECTIONS);

		Map<String, Object> app = composeService("app");
		Map<String, String> env = stringMap(app.get("environment"));
		int replicas = (int) map(app.get("deploy")).get("replicas");
		assertThat(Integer.parseInt(env.get("AULA_DATABASE_EXPECTED_INSTANCES"))).isEqualTo(replicas);
		String command = String.join(" ", strings(composeService("postgres").get("command")));
		Matcher maxConnections = Pattern.compile("max_connections=(\\d+)").matcher(command);
		assertThat(maxConnections.find()).isTrue();
		assertThat(replicas * Integer.parseInt(env.get("AULA_DATABASE_POOL_SIZE")))
			.isLessThanOrEqualTo(Integer.parseInt(maxConnections.group(1)) - 3);
	}

	@Test
	void composeAndTheImageProbeTheApplicationOnItsPort() throws Exception {
		int port = serverPortDefault();
		Map<String, Object> app = composeService("app");
		assertThat(stringMap(app.get("environment"))).containsEntry("PORT", String.valueOf(port));
		String appCheck = String.join(" ", strings(map(app.get("healthcheck")).get("test")));
		assertThat(appCheck).contains("/dev/tcp/127.0.0.1/" + port).contains("GET " + readyPath() + " ");
		String nginxCheck = String.join(" ", strings(map(composeService("nginx").get("healthcheck")).get("test")));
		assertThat(nginxCheck).contains(healthPath());
		assertThat(Files.readString(DEPLOY.resolve("nginx/compose/aula-upstreams.conf")))
			.containsPattern("(?m)^server app:" + port + " ");

		String dockerfile = Files.readString(Path.of("Dockerfile"));
		assertThat(dockerfile).containsPattern("(?m)^EXPOSE " + port + "$");
		assertThat(dockerfile).containsPattern("(?m)^\\s+PORT=" + port + " ");
		assertThat(dockerfile).contains("GET " + healthPath() + " ");
		assertThat(dockerfile).contains("USER 10001");
	}

	@Test
	void theProxyAcceptsUploadsAsLargeAsAulaDoes() throws IOException {
		String uploadDefault = placeholderDefault(
				(String) map(map(applicationYaml().get("aula")).get("media")).get("max-upload-size"));
		DataSize aulaLimit = DataSize.parse(uploadDefault);
		Matcher nginx = Pattern.compile("client_max_body_size (\\d+)m;")
			.matcher(Files.readString(DEPLOY.resolve("nginx/aula.conf")));
		assertThat(nginx.find()).isTrue();
		assertThat(DataSize.ofMegabytes(Long.parseLong(nginx.group(1)))).isEqualTo(aulaLimit);
		Map<String, Object> annotations = map(
				map(document(K8S.resolve("ingress.yaml")).get("metadata")).get("annotations"));
		assertThat(annotations).containsEntry("nginx.ingress.kubernetes.io/proxy-body-size", nginx.group(1) + "m");
	}

	@Test
	void everyAulaVariableTheDeploymentsSetIsADocumentedSetting() throws IOException {
		Set<String> names = new TreeSet<>();
		names.addAll(configMap().keySet());
		names.addAll(stringMap(document(K8S.resolve("secret.example.yaml")).get("stringData")).keySet());
		for (String name : List.of("api-deployment.yaml", "worker-deployment.yaml")) {
			names.addAll(env(container(document(K8S.resolve(name)))).keySet());
		}
		names.addAll(stringMap(composeService("app").get("environment")).keySet());
		names.addAll(variablesSetBy(Path.of("scripts/cluster")));
		names.removeIf((name) -> !name.startsWith("AULA_"));
		assertThat(names).contains("AULA_DATABASE_URL", "AULA_JWT_SECRET", "AULA_SHUTDOWN_DRAIN_DELAY");

		String yaml = Files.readString(Path.of("src/main/resources/application.yaml"));
		String readme = Files.readString(Path.of("README.md"));
		List<String> unknown = new ArrayList<>();
		for (String name : names) {
			if (!yaml.contains("${" + name + ":") && !readme.contains("`" + name + "`")) {
				unknown.add(name);
			}
		}
		assertThat(unknown).as("AULA_* variables in the deployments that neither application.yaml nor README.md know")
			.isEmpty();
	}

	// --- the application's side

	private static String healthPath() throws Exception {
		return getMapping("health");
	}

	private static String readyPath() throws Exception {
		return getMapping("ready");
	}

	private static String getMapping(String methodName) throws Exception {
		Class<?> controller = Class.forName("org.aula.platform.health.HealthController");
		Method method = Arrays.stream(controller.getDeclaredMethods())
			.filter((candidate) -> candidate.getName().equals(methodName))
			.findFirst()
			.orElseThrow();
		return method.getAnnotation(GetMapping.class).value()[0];
	}

	private static int serverPortDefault() throws IOException {
		Object port = map(applicationYaml().get("server")).get("port");
		return Integer.parseInt(placeholderDefault(String.valueOf(port)));
	}

	private static Map<String, Object> applicationYaml() throws IOException {
		return document(Path.of("src/main/resources/application.yaml"));
	}

	private static String placeholderDefault(String value) {
		Matcher matcher = PLACEHOLDER.matcher(value);
		assertThat(matcher.matches()).as(value).isTrue();
		return matcher.group(2);
	}

	// --- reading the manifests

	private static List<Path> yamlFiles(Path directory) throws IOException {
		try (Stream<Path> files = Files.walk(directory)) {
			return files.filter((file) -> file.toString().endsWith(".yaml") || file.toString().endsWith(".yml"))
				.sorted()
				.toList();
		}
	}

	private static List<Map<String, Object>> documents(Path file) throws IOException {
		List<Map<String, Object>> documents = new ArrayList<>();
		for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(Files.readString(file))) {
			if (document != null) {
				documents.add(map(document));
			}
		}
		return documents;
	}

	private static Map<String, Object> document(Path file) throws IOException {
		List<Map<String, Object>> documents = documents(file);
		assertThat(documents).as(file.toString()).hasSize(1);
		return documents.get(0);
	}

	private static Map<String, String> configMap() throws IOException {
		return stringMap(document(K8S.resolve("configmap.yaml")).get("data"));
	}

	private static Map<String, Object> composeService(String name) throws IOException {
		return map(map(document(DEPLOY.resolve("docker-compose.yml")).get("services")).get(name));
	}

	private static Map<String, Object> podSpec(Map<String, Object> deployment) {
		return map(map(map(deployment.get("spec")).get("template")).get("spec"));
	}

	private static Map<String, Object> podLabels(Map<String, Object> deployment) {
		return map(map(map(map(deployment.get("spec")).get("template")).get("metadata")).get("labels"));
	}

	private static Map<String, Object> container(Map<String, Object> deployment) {
		List<Map<String, Object>> containers = maps(podSpec(deployment).get("containers"));
		assertThat(containers).hasSize(1);
		return containers.get(0);
	}

	private static Map<String, Object> probe(Map<String, Object> container, String name) {
		return map(map(container.get(name)).get("httpGet"));
	}

	private static Map<String, String> env(Map<String, Object> container) {
		Map<String, String> env = new LinkedHashMap<>();
		for (Map<String, Object> variable : maps(container.get("env"))) {
			env.put((String) variable.get("name"), String.valueOf(variable.get("value")));
		}
		return env;
	}

	/**
	 * Names the script assigns or exports ({@code export NAME=...}, {@code NAME=...}).
	 */
	private static Set<String> variablesSetBy(Path script) throws IOException {
		Set<String> names = new TreeSet<>();
		Matcher matcher = Pattern.compile("(?m)^\\s*(?:export\\s+)?([A-Z][A-Z0-9_]*)=")
			.matcher(Files.readString(script));
		while (matcher.find()) {
			names.add(matcher.group(1));
		}
		return names;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		assertThat(value).isInstanceOf(Map.class);
		return (Map<String, Object>) value;
	}

	private static Map<String, String> stringMap(Object value) {
		Map<String, String> strings = new HashMap<>();
		map(value).forEach((key, item) -> strings.put(key, String.valueOf(item)));
		return strings;
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> maps(Object value) {
		assertThat(value).isInstanceOf(List.class);
		return (List<Map<String, Object>>) value;
	}

	@SuppressWarnings("unchecked")
	private static List<String> strings(Object value) {
		assertThat(value).isInstanceOf(List.class);
		return ((List<Object>) value).stream().map(String::valueOf).toList();
	}

}
