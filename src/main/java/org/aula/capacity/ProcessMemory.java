package org.aula.capacity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * This process's resident memory and its cgroup's memory limit, read from Linux's
 * {@code /proc} and {@code /sys/fs/cgroup} (v2 {@code memory.max}, or v1
 * {@code memory.limit_in_bytes}). Elsewhere, or when unreadable, both are empty and the
 * caller uses what the JVM and the settings say.
 */
final class ProcessMemory {

	/** cgroup v1 writes "no limit" as a number near 2^63. */
	private static final long UNLIMITED = 1L << 60;

	private final Path procSelf;

	private final Path cgroupRoot;

	ProcessMemory() {
		this(Path.of("/proc/self"), Path.of("/sys/fs/cgroup"));
	}

	ProcessMemory(Path procSelf, Path cgroupRoot) {
		this.procSelf = procSelf;
		this.cgroupRoot = cgroupRoot;
	}

	/**
	 * @return {@code VmRSS} of {@code /proc/self/status} in bytes, when readable
	 */
	OptionalLong residentBytes() {
		try {
			for (String line : Files.readAllLines(this.procSelf.resolve("status"))) {
				if (line.startsWith("VmRSS:")) {
					String[] parts = line.substring(6).trim().split("\\s+");
					return OptionalLong.of(Long.parseLong(parts[0]) * 1024);
				}
			}
		}
		catch (IOException | RuntimeException unreadable) {
			// not Linux, or /proc hidden: the caller falls back to the heap
		}
		return OptionalLong.empty();
	}

	/**
	 * @return the memory limit of this process's cgroup in bytes, when one is set
	 */
	OptionalLong limitBytes() {
		for (Path candidate : limitFiles()) {
			try {
				String value = Files.readString(candidate).trim();
				long limit = value.equals("max") ? UNLIMITED : Long.parseLong(value);
				if (limit > 0 && limit < UNLIMITED) {
					return OptionalLong.of(limit);
				}
			}
			catch (IOException | RuntimeException unreadable) {
				// try the next place
			}
		}
		return OptionalLong.empty();
	}

	/**
	 * The files that may hold the limit, most specific first: the process's own cgroup as
	 * {@code /proc/self/cgroup} names it, then the root of the hierarchy (what a
	 * container with its own cgroup namespace sees).
	 */
	private List<Path> limitFiles() {
		List<Path> files = new ArrayList<>();
		try {
			for (String line : Files.readAllLines(this.procSelf.resolve("cgroup"))) {
				String[] parts = line.split(":", 3);
				if (parts.length < 3) {
					continue;
				}
				String path = parts[2].replaceFirst("^/+", "");
				if (parts[0].equals("0") && parts[1].isEmpty()) {
					files.add(this.cgroupRoot.resolve(path).resolve("memory.max"));
				}
				else if (List.of(parts[1].split(",")).contains("memory")) {
					files.add(this.cgroupRoot.resolve("memory").resolve(path).resolve("memory.limit_in_bytes"));
				}
			}
		}
		catch (IOException | RuntimeException unreadable) {
			// only the roots below
		}
		files.add(this.cgroupRoot.resolve("memory.max"));
		files.add(this.cgroupRoot.resolve("memory").resolve("memory.limit_in_bytes"));
		return files;
	}

}
