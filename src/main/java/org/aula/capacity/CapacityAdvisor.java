package org.aula.capacity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.OptionalLong;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.aula.platform.activeusers.ActiveUsers;
import org.jspecify.annotations.Nullable;

/**
 * Reads the signals and turns them into advice. Everything but the active users and the
 * process's memory is read from the meter registry by meter name, so the advisor knows no
 * module's internals: a meter that is missing (a module switched off) reads as 0.
 * <p>
 * An evaluation is reused for {@code aula.capacity.refresh}, so the endpoint and a
 * Prometheus scrape of every gauge cost one evaluation between them.
 */
final class CapacityAdvisor {

	static final String ACTIVE_USERS = "active-users";

	static final String REQUESTS_PER_SECOND = "requests-per-second";

	static final String DB_CONNECTIONS = "db-connections";

	static final String P95_LATENCY = "p95-latency";

	static final String MEMORY = "memory";

	static final String CACHE_MISSES = "cache-misses";

	static final String QUEUED_JOBS = "queued-jobs";

	static final String CHAT_SOCKETS = "chat-sockets";

	static final List<String> SIGNALS = List.of(ACTIVE_USERS, REQUESTS_PER_SECOND, DB_CONNECTIONS, P95_LATENCY, MEMORY,
			CACHE_MISSES, QUEUED_JOBS, CHAT_SOCKETS);

	private static final double MB = 1024 * 1024;

	private final MeterRegistry registry;

	private final Clock clock;

	private final ActiveUsers activeUsers;

	private final Deployment deployment;

	private final CapacitySettings settings;

	private final ProcessMemory memory;

	private final MeterWindow window;

	private @Nullable CapacityAdvice cached;

	private long cachedAt;

	CapacityAdvisor(MeterRegistry registry, ActiveUsers activeUsers, Deployment deployment, CapacitySettings settings,
			ProcessMemory memory) {
		this.registry = registry;
		this.clock = registry.config().clock();
		this.activeUsers = activeUsers;
		this.deployment = deployment;
		this.settings = settings;
		this.memory = memory;
		this.window = new MeterWindow(registry);
	}

	/** Keeps a sample of the counting meters; called every few seconds. */
	void sample() {
		this.window.record();
	}

	/**
	 * @return the advice, evaluated now or at most {@code aula.capacity.refresh} ago
	 */
	synchronized CapacityAdvice advice() {
		long now = this.clock.monotonicTime();
		if (this.cached == null || now - this.cachedAt >= this.settings.refresh().toNanos()) {
			this.cached = evaluate();
			this.cachedAt = now;
		}
		return this.cached;
	}

	/**
	 * @return the advice from the signals as they are now
	 */
	CapacityAdvice evaluate() {
		MeterWindow.Window lastMinute = this.window.lastMinute();
		List<Signal> signals = List.of(activeUsers(), requestsPerSecond(lastMinute), dbConnections(),
				p95Latency(lastMinute), memory(), cacheMisses(lastMinute), queuedJobs(), chatSockets());
		int stage = this.deployment.stage();
		List<String> acting = names(signals, SignalState.ACT_NOW);
		int recommended = acting.isEmpty() ? stage : Math.min(stage + 1, CapacityAdvice.LAST_STAGE);
		return new CapacityAdvice(Instant.ofEpochMilli(this.clock.wallTime()), stage, CapacityAdvice.describe(stage),
				recommended, CapacityAdvice.describe(recommended), summary(signals, acting, stage, recommended),
				signals, ScalingSteps.of(this.deployment, stage, recommended, signals));
	}

	private Signal activeUsers() {
		boolean shared = "redis".equals(this.deployment.stores().get("aula.active-users.store"));
		return Signal.of(ACTIVE_USERS, "distinct signed-in users with a request in the last 5 minutes",
				this.activeUsers.count(), "users", null, this.settings.activeUsers(),
				shared ? "every instance's users (counted in Redis)"
						: "this instance's users only (counted in memory)");
	}

	private Signal requestsPerSecond(MeterWindow.Window lastMinute) {
		return Signal.of(REQUESTS_PER_SECOND, "requests this instance served per second over the last minute",
				lastMinute.perSecond(), "requests/s", null, this.settings.requestsPerSecond(), overSpan(lastMinute));
	}

	private Signal dbConnections() {
		String pool = this.deployment.primaryPool();
		Double max = poolGauge("hikaricp.connections.max", pool);
		Double active = poolGauge("hikaricp.connections.active", pool);
		Double pending = poolGauge("hikaricp.connections.pending", pool);
		String note = (active == null) ? "no pool meters" : "pool " + pool;
		if (pending != null && pending > 0) {
			note += "; " + Signal.format(pending) + " threads waiting for a connection";
		}
		return Signal.of(DB_CONNECTIONS, "connections of the primary database pool in use on this instance",
				(active != null) ? active : 0, "connections", max, this.settings.dbConnections().cappedAt(max), note);
	}

	private Signal p95Latency(MeterWindow.Window lastMinute) {
		return Signal.of(P95_LATENCY, "95th percentile of this instance's request durations over the last minute",
				lastMinute.latencyMs(0.95), "ms", null, this.settings.p95LatencyMs(),
				Signal.format(lastMinute.requests()) + " requests " + overSpan(lastMinute));
	}

	private Signal memory() {
		OptionalLong resident = this.memory.residentBytes();
		double used;
		String measured;
		if (resident.isPresent()) {
			used = resident.getAsLong() / MB;
			measured = "resident memory (VmRSS)";
		}
		else {
			used = heapUsedBytes() / MB;
			measured = "heap in use (resident memory not readable)";
		}
		OptionalLong cgroupLimit = this.memory.limitBytes();
		double limit = (cgroupLimit.isPresent() ? cgroupLimit.getAsLong() : this.settings.memoryLimit().toBytes()) / MB;
		String limitSource = cgroupLimit.isPresent() ? "the cgroup's memory limit" : "aula.capacity.memory-limit";
		return Signal.of(MEMORY, "memory this instance uses", used, "MB", limit,
				this.settings.memoryMb().cappedAt(limit), measured + " against " + limitSource);
	}

	private Signal cacheMisses(MeterWindow.Window lastMinute) {
		Signal signal = Signal.of(CACHE_MISSES,
				"share of cache lookups in the last minute that loaded from the database",
				lastMinute.cacheMissPercent(), "%", null, this.settings.cacheMissPercent(),
				Signal.format(lastMinute.cacheLookups()) + " lookups " + overSpan(lastMinute));
		if (lastMinute.cacheLookups() < this.settings.cacheMinLookups()) {
			return signal.heldOk("only " + Signal.format(lastMinute.cacheLookups())
					+ " lookups in the last minute: too few to judge (aula.capacity.cache-min-lookups)");
		}
		return signal;
	}

	private Signal queuedJobs() {
		Gauge queued = this.registry.find("aula.jobs.queue").tag("state", "queued").gauge();
		return Signal.of(QUEUED_JOBS, "background jobs waiting for a worker, in the whole deployment", valueOf(queued),
				"jobs", null, this.settings.queuedJobs(),
				(queued != null) ? "aula.jobs.queue{state=queued}" : "no job queue meter");
	}

	private Signal chatSockets() {
		Gauge sockets = this.registry.find("aula.chat.connections").gauge();
		return Signal.of(CHAT_SOCKETS, "chat sockets open on this instance", valueOf(sockets), "sockets", null,
				this.settings.chatSockets(), (sockets != null) ? null : "no chat meter");
	}

	private @Nullable Double poolGauge(String name, String pool) {
		Collection<Gauge> gauges = this.registry.find(name).gauges();
		Gauge chosen = gauges.stream()
			.filter((gauge) -> pool.equals(gauge.getId().getTag("pool")))
			.findFirst()
			.orElse(gauges.stream().findFirst().orElse(null));
		return (chosen != null) ? valueOf(chosen) : null;
	}

	private double heapUsedBytes() {
		double heap = this.registry.find("jvm.memory.used")
			.tag("area", "heap")
			.gauges()
			.stream()
			.mapToDouble(CapacityAdvisor::valueOf)
			.sum();
		if (heap > 0) {
			return heap;
		}
		Runtime runtime = Runtime.getRuntime();
		return runtime.totalMemory() - runtime.freeMemory();
	}

	private static double valueOf(@Nullable Gauge gauge) {
		if (gauge == null) {
			return 0;
		}
		double value = gauge.value();
		return Double.isFinite(value) ? value : 0;
	}

	private static String overSpan(MeterWindow.Window window) {
		long seconds = window.span().getSeconds();
		return (seconds >= MeterWindow.SPAN.getSeconds()) ? "over the last minute"
				: "over the " + seconds + " s since start";
	}

	private static List<String> names(List<Signal> signals, SignalState state) {
		List<String> names = new ArrayList<>();
		for (Signal signal : signals) {
			if (signal.state() == state) {
				names.add(signal.name());
			}
		}
		return names;
	}

	private static String summary(List<Signal> signals, List<String> acting, int stage, int recommended) {
		List<String> warning = names(signals, SignalState.WARNING);
		if (!acting.isEmpty()) {
			String move = (recommended > stage) ? "move to stage " + recommended
					: "add instances within stage " + stage;
			return "Act now: " + String.join(", ", acting) + " at or above the act threshold; " + move + ".";
		}
		if (!warning.isEmpty()) {
			return "Watch " + String.join(", ", warning) + ": above the warning threshold; stay at stage " + stage
					+ " for now.";
		}
		return "Every signal is ok; stay at stage " + stage + ".";
	}

}
