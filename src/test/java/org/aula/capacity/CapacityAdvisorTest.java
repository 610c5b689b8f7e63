package org.aula.capacity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import org.aula.platform.activeusers.ActiveUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The advice from controlled meters: a Prometheus registry on a clock the tests move, as
 * the application's registry is one, and a process that uses 100 MB of its 1 GB unless a
 * test says otherwise.
 */
class CapacityAdvisorTest {

	private final MockClock clock = new MockClock();

	private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT,
			new PrometheusRegistry(), this.clock);

	private final CountedUsers users = new CountedUsers();

	@TempDir
	Path proc;

	private ProcessMemory memory;

	@BeforeEach
	void aSmallProcessInALargeContainer() throws IOException {
		this.memory = memory(100, "1073741824");
	}

	@Test
	void everythingQuietLeavesEverySignalOkAndTheStageAsItIs() {
		CapacityAdvice advice = advisor(stageOne()).evaluate();

		assertThat(advice.signals()).extracting(Signal::name).containsExactlyElementsOf(CapacityAdvisor.SIGNALS);
		assertThat(advice.signals()).allSatisfy((signal) -> assertThat(signal.state()).isEqualTo(SignalState.OK));
		assertThat(advice.stage()).isEqualTo(1);
		assertThat(advice.recommendedStage()).isEqualTo(1);
		assertThat(advice.steps()).isEmpty();
		assertThat(advice.summary()).isEqualTo("Every signal is ok; stay at stage 1.");
	}

	@Test
	void threeHundredFiftyActiveUsersOnOneInstanceCallForRedisAndASecondInstance() {
		this.users.count = 350;

		CapacityAdvice advice = advisor(stageOne()).evaluate();

		Signal activeUsers = advice.signal("active-users");
		assertThat(activeUsers.value()).isEqualTo(350);
		assertThat(activeUsers.warning()).isEqualTo(200);
		assertThat(activeUsers.act()).isEqualTo(300);
		assertThat(activeUsers.state()).isEqualTo(SignalState.ACT_NOW);
		assertThat(advice.stage()).isEqualTo(1);
		assertThat(advice.recommendedStage()).isEqualTo(2);
		assertThat(advice.steps()).anySatisfy((step) -> assertThat(step).contains("Set AULA_REDIS_URL")
			.contains("second instance behind the load balancer")
			.contains("README 'Multi-instance topology'"));
		assertThat(advice.steps()).anySatisfy((step) -> assertThat(step).contains("AULA_DATABASE_URL"));
		assertThat(advice.summary()).startsWith("Act now: active-users").endsWith("move to stage 2.");
	}

	@Test
	void twoHundredFiftyActiveUsersAreAWarningThatKeepsTheStage() {
		this.users.count = 250;

		CapacityAdvice advice = advisor(stageOne()).evaluate();

		assertThat(advice.signal("active-users").state()).isEqualTo(SignalState.WARNING);
		assertThat(advice.recommendedStage()).isEqualTo(1);
		assertThat(advice.summary()).startsWith("Watch active-users");
	}

	@Test
	void aPoolWith38Of40ConnectionsInUseIsAWarningWithThePoolSizeStep() {
		pool("aula-primary", 38, 40);
		pool("aula-replica", 1, 10);

		CapacityAdvice advice = advisor(stageTwo()).evaluate();

		Signal connections = advice.signal("db-connections");
		assertThat(connections.value()).isEqualTo(38);
		assertThat(connections.limit()).isEqualTo(40);
		assertThat(connections.warning()).isEqualTo(30);
		assertThat(connections.act()).isEqualTo(40);
		assertThat(connections.state()).isEqualTo(SignalState.WARNING);
		assertThat(advice.recommendedStage()).isEqualTo(2);
		assertThat(advice.steps())
			.anySatisfy((step) -> assertThat(step).startsWith("Raise AULA_DATABASE_POOL_SIZE (now 40)"));
	}

	@Test
	void aSmallPoolIsJudgedAgainstItsOwnSize() {
		pool("aula-primary", 10, 10);

		Signal connections = advisor(stageTwo()).evaluate().signal("db-connections");

		assertThat(connections.act()).isEqualTo(10);
		assertThat(connections.warning()).isEqualTo(7.5);
		assertThat(connections.state()).isEqualTo(SignalState.ACT_NOW);
	}

	@Test
	void latencyRisingInTheLastMinuteShowsAtOnce() {
		CapacityAdvisor advisor = advisor(stageOne());
		record(5000, Duration.ofMillis(20));
		passSampling(advisor, Duration.ofMinutes(2));
		assertThat(advisor.evaluate().signal("p95-latency").value()).isZero();

		record(100, Duration.ofMillis(800));
		passSampling(advisor, Duration.ofSeconds(20));

		Signal latency = advisor.evaluate().signal("p95-latency");
		assertThat(latency.value()).isGreaterThan(500);
		assertThat(latency.state()).isEqualTo(SignalState.ACT_NOW);
		assertThat(latency.note()).isEqualTo("100 requests over the last minute");
	}

	@Test
	void aSlowMinuteLongAgoNoLongerCounts() {
		CapacityAdvisor advisor = advisor(stageOne());
		record(1000, Duration.ofSeconds(2));
		passSampling(advisor, Duration.ofMinutes(3));

		record(1000, Duration.ofMillis(20));
		passSampling(advisor, Duration.ofSeconds(30));

		Signal latency = advisor.evaluate().signal("p95-latency");
		assertThat(latency.value()).isLessThan(30);
		assertThat(latency.state()).isEqualTo(SignalState.OK);
	}

	@Test
	void requestsPerSecondCountTheLastMinuteOnly() {
		CapacityAdvisor advisor = advisor(stageOne());
		record(30_000, Duration.ofMillis(5));
		passSampling(advisor, Duration.ofMinutes(2));

		for (int second = 0; second < 60; second++) {
			record(70, Duration.ofMillis(5));
			passSampling(advisor, Duration.ofSeconds(1));
		}

		Signal rate = advisor.evaluate().signal("requests-per-second");
		assertThat(rate.value()).isBetween(65.0, 75.0);
		assertThat(rate.state()).isEqualTo(SignalState.WARNING);
	}

	@Test
	void ratesInTheFirstMinuteCoverTheTimeSinceStart() {
		CapacityAdvisor advisor = advisor(stageOne());
		record(600, Duration.ofMillis(5));
		passSampling(advisor, Duration.ofSeconds(30));

		Signal rate = advisor.evaluate().signal("requests-per-second");

		assertThat(rate.value()).isEqualTo(20);
		assertThat(rate.note()).isEqualTo("over the 30 s since start");
	}

	@Test
	void cacheMissesCountOnceThereAreEnoughLookups() {
		CapacityAdvisor advisor = advisor(stageOne());
		cacheGets("miss", 5);

		Signal few = advisor.evaluate().signal("cache-misses");
		assertThat(few.value()).isEqualTo(100);
		assertThat(few.state()).isEqualTo(SignalState.OK);
		assertThat(few.note()).contains("too few to judge");

		cacheGets("miss", 55);
		cacheGets("hit", 40);
		Signal many = advisor.evaluate().signal("cache-misses");
		assertThat(many.value()).isEqualTo(60);
		assertThat(many.state()).isEqualTo(SignalState.ACT_NOW);
		assertThat(advisor.evaluate().steps())
			.anySatisfy((step) -> assertThat(step).startsWith("Raise aula.cache.default-max-size"));
	}

	@Test
	void queuedJobsAndChatSocketsAreReadFromTheirMeters() {
		Gauge.builder("aula.jobs.queue", () -> 1200).tag("state", "queued").register(this.registry);
		Gauge.builder("aula.jobs.queue", () -> 1_000_000).tag("state", "succeeded").register(this.registry);
		Gauge.builder("aula.chat.connections", () -> 5200).register(this.registry);

		CapacityAdvice advice = advisor(stageTwo()).evaluate();

		assertThat(advice.signal("queued-jobs").value()).isEqualTo(1200);
		assertThat(advice.signal("queued-jobs").state()).isEqualTo(SignalState.WARNING);
		assertThat(advice.signal("chat-sockets").value()).isEqualTo(5200);
		assertThat(advice.signal("chat-sockets").state()).isEqualTo(SignalState.ACT_NOW);
		assertThat(advice.steps())
			.anySatisfy((step) -> assertThat(step).startsWith("Raise AULA_JOBS_WORKER_THREADS (now 4)"));
		assertThat(advice.steps()).anySatisfy((step) -> assertThat(step).contains("/ws/chat"));
	}

	@Test
	void memoryIsTheResidentSetAgainstTheCgroupLimit() throws IOException {
		this.memory = memory(380, "1073741824");

		Signal memory = advisor(stageOne()).evaluate().signal("memory");

		assertThat(memory.value()).isEqualTo(380);
		assertThat(memory.limit()).isEqualTo(1024);
		assertThat(memory.state()).isEqualTo(SignalState.WARNING);
		assertThat(memory.note()).isEqualTo("resident memory (VmRSS) against the cgroup's memory limit");
	}

	@Test
	void aSmallerMemoryLimitScalesTheThresholds() throws IOException {
		this.memory = memory(250, Long.toString(256L * 1024 * 1024));

		Signal memory = advisor(stageOne()).evaluate().signal("memory");

		assertThat(memory.act()).isEqualTo(256);
		assertThat(memory.warning()).isEqualTo(224);
		assertThat(memory.state()).isEqualTo(SignalState.WARNING);
	}

	@Test
	void withoutProcOrCgroupTheHeapIsMeasuredAgainstTheSetting() {
		this.memory = new ProcessMemory(this.proc.resolve("missing"), this.proc.resolve("missing"));
		Gauge.builder("jvm.memory.used", () -> 120 * 1024 * 1024).tag("area", "heap").register(this.registry);

		Signal memory = advisor(stageOne()).evaluate().signal("memory");

		assertThat(memory.value()).isEqualTo(120);
		assertThat(memory.limit()).isEqualTo(512);
		assertThat(memory.note())
			.isEqualTo("heap in use (resident memory not readable) against aula.capacity.memory-limit");
	}

	@Test
	void actingAtStageTwoLeadsToAReplicaAndSeparateTiers() {
		this.users.count = 900;

		CapacityAdvice advice = advisor(stageTwo()).evaluate();

		assertThat(advice.recommendedStage()).isEqualTo(3);
		assertThat(advice.steps()).anySatisfy((step) -> assertThat(step).startsWith("Set AULA_DATABASE_REPLICA_URL"));
		assertThat(advice.steps()).anySatisfy((step) -> assertThat(step)
			.startsWith("Run worker instances with AULA_JOBS_WORKER_ENABLED=true and API instances with"
					+ " AULA_JOBS_WORKER_ENABLED=false"));
		assertThat(advice.steps()).noneSatisfy((step) -> assertThat(step).contains("AULA_REDIS_URL"));
	}

	@Test
	void actingAtTheLastStageAddsInstances() {
		this.users.count = 900;

		CapacityAdvice advice = advisor(stageThree()).evaluate();

		assertThat(advice.stage()).isEqualTo(3);
		assertThat(advice.recommendedStage()).isEqualTo(3);
		assertThat(advice.steps()).containsExactly("Add instances behind the load balancer (in Kubernetes,"
				+ " maxReplicas in deploy/k8s/hpa.yaml) and raise AULA_DATABASE_EXPECTED_INSTANCES with them");
		assertThat(advice.summary()).endsWith("add instances within stage 3.");
	}

	@Test
	void anAdapterLeftInMemoryKeepsTheDeploymentAtStageOneAndIsNamed() {
		Map<String, String> stores = new LinkedHashMap<>(stageTwo().stores());
		stores.put("aula.ratelimit.store", "memory");
		Deployment deployment = new Deployment(stores, false, true, false, true, 4, "aula-primary");
		this.users.count = 301;

		CapacityAdvice advice = advisor(deployment).evaluate();

		assertThat(advice.stage()).isEqualTo(1);
		assertThat(advice.steps()).first()
			.asString()
			.startsWith("Set aula.ratelimit.store=redis (or leave them unset so that aula.adapters.store decides)");
	}

	@Test
	void oneEvaluationIsReusedForTheRefreshPeriod() {
		CapacityAdvisor advisor = advisor(stageOne());
		CapacityAdvice first = advisor.advice();
		this.users.count = 350;

		this.clock.add(Duration.ofSeconds(4));
		assertThat(advisor.advice()).isSameAs(first);

		this.clock.add(Duration.ofSeconds(1));
		assertThat(advisor.advice().signal("active-users").value()).isEqualTo(350);
		assertThat(this.users.counted).isEqualTo(2);
	}

	@Test
	void gaugesShowTheAdviceToPrometheus() {
		this.users.count = 350;
		CapacityGauges.register(advisor(stageOne()), this.registry);

		String scrape = this.registry.scrape();

		assertThat(scrape).contains("aula_capacity_signal_value{signal=\"active-users\"} 350.0")
			.contains("aula_capacity_signal_state{signal=\"active-users\"} 2.0")
			.contains("aula_capacity_signal_state{signal=\"db-connections\"} 0.0")
			.contains("aula_capacity_signal_warning{signal=\"p95-latency\"} 300.0")
			.contains("aula_capacity_signal_act{signal=\"memory\"} 400.0")
			.contains("aula_capacity_stage 1.0")
			.contains("aula_capacity_recommended_stage 2.0")
			.contains("aula_active_users 350.0");
		assertThat(this.users.counted).as("one evaluation for the whole scrape").isOne();
	}

	private CapacityAdvisor advisor(Deployment deployment) {
		return new CapacityAdvisor(this.registry, this.users, deployment, CapacitySettings.defaults(), this.memory);
	}

	private void record(int requests, Duration each) {
		Timer timer = Timer.builder("http.server.requests")
			.tags("uri", "/api/courses", "status", "200")
			.publishPercentileHistogram()
			.register(this.registry);
		for (int i = 0; i < requests; i++) {
			timer.record(each);
		}
	}

	private void cacheGets(String result, int count) {
		Counter.builder("aula.cache.gets")
			.tags("cache", "course-details", "result", result)
			.register(this.registry)
			.increment(count);
	}

	private void pool(String name, int active, int max) {
		Gauge.builder("hikaricp.connections.active", () -> active).tag("pool", name).register(this.registry);
		Gauge.builder("hikaricp.connections.max", () -> max).tag("pool", name).register(this.registry);
	}

	/** Lets time pass while the meters are sampled every 5 s, as the application does. */
	private void passSampling(CapacityAdvisor advisor, Duration duration) {
		Duration step = Duration.ofSeconds(Math.min(5, duration.getSeconds()));
		for (Duration passed = Duration.ZERO; passed.compareTo(duration) < 0; passed = passed.plus(step)) {
			this.clock.add(step);
			advisor.sample();
		}
	}

	private ProcessMemory memory(long residentMb, String cgroupLimit) throws IOException {
		Path self = Files.createDirectories(this.proc.resolve("self-" + residentMb));
		Files.writeString(self.resolve("status"),
				"Name:\tjava\nVmPeak:\t 9999999 kB\nVmRSS:\t  " + (residentMb * 1024) + " kB\nThreads:\t42\n");
		Files.writeString(self.resolve("cgroup"), "0::/aula.slice/instance\n");
		Path cgroup = Files.createDirectories(this.proc.resolve("cgroup-" + residentMb).resolve("aula.slice/instance"));
		Files.writeString(cgroup.resolve("memory.max"), cgroupLimit + "\n");
		return new ProcessMemory(self, this.proc.resolve("cgroup-" + residentMb));
	}

	static Deployment stageOne() {
		return deployment("memory", true, false, false, true);
	}

	static Deployment stageTwo() {
		return deployment("redis", false, true, false, true);
	}

	static Deployment stageThree() {
		return deployment("redis", false, true, true, false);
	}

	private static Deployment deployment(String store, boolean embedded, boolean redis, boolean replica,
			boolean worker) {
		Map<String, String> stores = new LinkedHashMap<>();
		for (String property : new String[] { "aula.cache.store", "aula.ratelimit.store",
				"aula.tokens.revocation-store", "aula.pubsub.store", "aula.active-users.store" }) {
			stores.put(property, store);
		}
		return new Deployment(stores, embedded, redis, replica, worker, 4, "aula-primary");
	}

	/** Active users as a test sets them, counting how often they are asked. */
	static final class CountedUsers implements ActiveUsers {

		volatile long count;

		volatile int counted;

		@Override
		public void seen(String userId) {
		}

		@Override
		public long count() {
			this.counted++;
			return this.count;
		}

	}

}
