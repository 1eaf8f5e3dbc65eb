package io.creditsuite.support.buildinfo;

import io.creditsuite.api.ping.BuildInfo;
import java.lang.management.ManagementFactory;
import org.springframework.boot.info.BuildProperties;
import org.springframework.boot.info.GitProperties;

/** Answers every service's ping from the build-info and git properties baked in at build time. */
public class BuildInfoSource {
    private final BuildInfo buildInfo;

    public BuildInfoSource(String service, BuildProperties build, GitProperties git) {
        this.buildInfo = new BuildInfo(
                service,
                build == null ? "unknown" : build.getVersion(),
                git == null || git.getShortCommitId() == null ? "unknown" : git.getShortCommitId(),
                ManagementFactory.getRuntimeMXBean().getStartTime(),
                Runtime.version().toString());
    }

    public BuildInfo current() {
        return buildInfo;
    }
}
