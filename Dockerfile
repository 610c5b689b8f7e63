# syntax=docker/dockerfile:1
# Aula's container image: built from source with the Maven wrapper, run from the extracted
# Spring Boot layers (dependencies change rarely, so a rebuild after a code change ships only the
# small application layer) as an unprivileged user.
#
#   docker build -t aula .
#   docker run -p 8080:8080 aula                        # embedded mode, data inside the container
#   docker compose -f deploy/docker-compose.yml up      # shared mode: 3 instances, nginx, PostgreSQL, Redis
#
# Configuration is by environment variables (AULA_*, see README.md).

FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
# The wrapper and the POM first: the dependency download is cached until pom.xml changes.
COPY mvnw pom.xml ./
COPY .mvn/ .mvn/
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q dependency:resolve dependency:resolve-plugins
COPY src/ src/
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q -DskipTests package \
    && cp "$(ls target/aula-*.jar | grep -v plain)" /tmp/app.jar \
    && java -Djarmode=tools -jar /tmp/app.jar extract --layers --launcher --destination /extracted

FROM eclipse-temurin:25-jre
RUN groupadd --system --gid 10001 aula \
    && useradd --system --uid 10001 --gid aula --home-dir /app --no-create-home --shell /usr/sbin/nologin aula
WORKDIR /app
# Least to most often changed, one layer each.
COPY --from=build /extracted/dependencies/ ./
COPY --from=build /extracted/spring-boot-loader/ ./
COPY --from=build /extracted/snapshot-dependencies/ ./
COPY --from=build /extracted/application/ ./
# ./data: the embedded mode's database and key, and the media directory (mount a volume at
# /app/data/media shared by all instances in the shared mode).
RUN mkdir -p /app/data/media && chown -R aula:aula /app/data
USER 10001:10001

# Heap from the container's memory limit, leaving room for metaspace, thread stacks and direct
# buffers; exit on OutOfMemoryError so the orchestrator restarts a clean process.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=70 -XX:InitialRAMPercentage=30 -XX:+ExitOnOutOfMemoryError" \
    PORT=8080 \
    AULA_SHUTDOWN_DRAIN_DELAY=5s
EXPOSE 8080

# Liveness without curl (not in the JRE image): bash's /dev/tcp asks /api/health, which touches
# no dependency, so a slow database never marks the container unhealthy.
HEALTHCHECK --interval=15s --timeout=3s --start-period=90s --retries=3 \
    CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${PORT:-8080} && printf 'GET /api/health HTTP/1.1\\r\\nHost: localhost\\r\\nConnection: close\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]

# Java is PID 1 and gets SIGTERM directly: readiness turns DOWN, in-flight requests finish.
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
