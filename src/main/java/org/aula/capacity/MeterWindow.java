package org.aula.capacity;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;

/**
 * The last minute of the meters that only ever count up: requests and their latency
 * histogram ({@code http.server.requests}) and cache lookups ({@code aula.cache.gets}). A
 * sample of their totals is kept every few seconds; the last minute is the difference
 * between the totals now and the newest sample at least a minute old (or the oldest one,
 * in an instance's first minute). So a slow minute an hour ago does not hide in an
 * average since start, and a slow last minute shows at once.
 */
final class MeterWindow {

	static final Duration SPAN = Duration.ofMinutes(1);

	private final MeterRegistry registry;

	private final Clock clock;

	private final Deque<Sample> samples = new ArrayDeque<>();

	MeterWindow(MeterRegistry registry) {
		this.registry = registry;
		this.clock = registry.config().clock();
		this.samples.add(take());
	}

	/** Keeps a sample of the totals now; older samples that are no longer needed go. */
	synchronized void record() {
		Sample sample = take();
		this.samples.addLast(sample);
		long spanStart = sample.nanos() - SPAN.toNanos();
		while (this.samples.size() > 1) {
			Iterator<Sample> oldest = this.samples.iterator();
			oldest.next();
			if (oldest.next().nanos() > spanStart) {
				break;
			}
			this.samples.removeFirst();
		}
	}

	/**
	 * @return what happened between the newest sample at least a minute old and now
	 */
	synchronized Window lastMinute() {
		Sample now = take();
		Sample base = this.samples.getFirst();
		for (Iterator<Sample> newestFirst = this.samples.descendingIterator(); newestFirst.hasNext();) {
			Sample sample = newestFirst.next();
			if (now.nanos() - sample.nanos() >= SPAN.toNanos()) {
				base = sample;
				break;
			}
		}
		return Window.between(base, now);
	}

	private Sample take() {
		double requests = 0;
		NavigableMap<Double, Double> buckets = new TreeMap<>();
		for (Timer timer : this.registry.find("http.server.requests").timers()) {
			requests += timer.count();
			for (CountAtBucket bucket : timer.takeSnapshot().histogramCounts()) {
				double upperBoundMs = bucket.bucket(TimeUnit.MILLISECONDS);
				if (!Double.isInfinite(upperBoundMs)) {
					buckets.merge(upperBoundMs, bucket.count(), Double::sum);
				}
			}
		}
		return new Sample(this.clock.monotonicTime(), requests, buckets, cacheGets("hit"), cacheGets("miss"));
	}

	private double cacheGets(String result) {
		return this.registry.find("aula.cache.gets")
			.tag("result", result)
			.counters()
			.stream()
			.mapToDouble(Counter::count)
			.sum();
	}

	/**
	 * Totals at one moment.
	 *
	 * @param nanos when, on the registry's monotonic clock
	 * @param requests requests served
	 * @param latency requests that took at most each bucket's upper bound (ms)
	 * @param cacheHits cache lookups answered from the cache
	 * @param cacheMisses cache lookups that had to load
	 */
	record Sample(long nanos, double requests, NavigableMap<Double, Double> latency, double cacheHits,
			double cacheMisses) {
	}

	/**
	 * What happened within a span of time.
	 *
	 * @param span how long the span was
	 * @param requests requests served
	 * @param latency requests that took at most each bucket's upper bound (ms)
	 * @param cacheHits cache lookups answered from the cache
	 * @param cacheMisses cache lookups that had to load
	 */
	record Window(Duration span, double requests, NavigableMap<Double, Double> latency, double cacheHits,
			double cacheMisses) {

		static Window between(Sample base, Sample now) {
			NavigableMap<Double, Double> latency = new TreeMap<>();
			boolean decayed = false;
			for (Map.Entry<Double, Double> bucket : now.latency().entrySet()) {
				double count = bucket.getValue() - base.latency().getOrDefault(bucket.getKey(), 0.0);
				decayed |= count < 0;
				latency.put(bucket.getKey(), count);
			}
			double requests = now.requests() - base.requests();
			if (decayed) {
				// A registry whose histograms are windowed already (not Prometheus'):
				// its buckets are recent counts, not totals since start.
				latency = now.latency();
				requests = latency.isEmpty() ? 0 : latency.lastEntry().getValue();
			}
			return new Window(Duration.ofNanos(now.nanos() - base.nanos()), Math.max(0, requests), latency,
					Math.max(0, now.cacheHits() - base.cacheHits()),
					Math.max(0, now.cacheMisses() - base.cacheMisses()));
		}

		double perSecond() {
			double seconds = this.span.toNanos() / 1e9;
			return (seconds < 1) ? 0 : this.requests / seconds;
		}

		double cacheLookups() {
			return this.cacheHits + this.cacheMisses;
		}

		double cacheMissPercent() {
			double lookups = cacheLookups();
			return (lookups == 0) ? 0 : 100 * this.cacheMisses / lookups;
		}

		/**
		 * The quantile as Prometheus' {@code histogram_quantile} estimates it: linear
		 * within the bucket that holds it; the highest finite bound if it lies beyond.
		 * @param quantile between 0 and 1
		 * @return milliseconds, 0 without requests
		 */
		double latencyMs(double quantile) {
			double total = Math.max(this.requests, this.latency.isEmpty() ? 0 : this.latency.lastEntry().getValue());
			if (total <= 0) {
				return 0;
			}
			double rank = quantile * total;
			double lowerBound = 0;
			double lowerCount = 0;
			for (Map.Entry<Double, Double> bucket : this.latency.entrySet()) {
				if (bucket.getValue() >= rank) {
					double inBucket = bucket.getValue() - lowerCount;
					if (inBucket <= 0) {
						return bucket.getKey();
					}
					return lowerBound + (bucket.getKey() - lowerBound) * (rank - lowerCount) / inBucket;
				}
				lowerBound = bucket.getKey();
				lowerCount = bucket.getValue();
			}
			return lowerBound;
		}

	}

}
