package org.aula.capacity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessMemoryTest {

	@TempDir
	Path root;

	@Test
	void readsTheResidentSetAndTheCgroupTwoLimitOfTheProcessOwnGroup() throws IOException {
		Path self = write("proc/status", "Name:\tjava\nVmRSS:\t  409600 kB\n");
		write("proc/cgroup", "0::/system.slice/aula.service\n");
		write("cgroup/system.slice/aula.service/memory.max", "536870912\n");

		ProcessMemory memory = new ProcessMemory(self.getParent(), this.root.resolve("cgroup"));

		assertThat(memory.residentBytes()).hasValue(400L * 1024 * 1024);
		assertThat(memory.limitBytes()).hasValue(512L * 1024 * 1024);
	}

	@Test
	void readsTheCgroupOneLimitOfAHybridHierarchy() throws IOException {
		Path self = write("proc/cgroup", "4:memory:/aula/instance-1\n1:cpu:/\n0::/\n");
		write("cgroup/memory/aula/instance-1/memory.limit_in_bytes", "1073741824\n");

		assertThat(new ProcessMemory(self.getParent(), this.root.resolve("cgroup")).limitBytes())
			.hasValue(1024L * 1024 * 1024);
	}

	@Test
	void noLimitIsNoLimit() throws IOException {
		Path self = write("proc/cgroup", "4:memory:/\n0::/\n");
		write("cgroup/memory.max", "max\n");
		write("cgroup/memory/memory.limit_in_bytes", "9223372036854771712\n");

		assertThat(new ProcessMemory(self.getParent(), this.root.resolve("cgroup")).limitBytes()).isEmpty();
	}

	@Test
	void elsewhereNothingIsKnown() {
		ProcessMemory memory = new ProcessMemory(this.root.resolve("nothing"), this.root.resolve("nothing"));

		assertThat(memory.residentBytes()).isEmpty();
		assertThat(memory.limitBytes()).isEmpty();
	}

	private Path write(String path, String content) throws IOException {
		Path file = this.root.resolve(path);
		Files.createDirectories(file.getParent());
		return Files.writeString(file, content);
	}

}
