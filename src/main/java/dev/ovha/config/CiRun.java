package dev.ovha.config;

import java.util.Map;
import java.util.Optional;

/**
 * The CI build this run belongs to, as common CI systems describe it in their environment variables, so
 * that reports can link back to the build. Read here because this package is the only one that reads the
 * environment.
 *
 * @param name       the CI system, e.g. {@code GitHub Actions}
 * @param type       Allure's executor type: {@code github}, {@code jenkins}, {@code gitlab}, {@code local}
 * @param url        the CI system's or project's page
 * @param buildName  a human name for the build
 * @param buildOrder the build number, when the CI system has one
 * @param buildUrl   the page of this build
 */
public record CiRun(String name, String type, Optional<String> url, String buildName, Optional<String> buildOrder,
                    Optional<String> buildUrl) {

    /** Recognises GitHub Actions, Jenkins and GitLab CI; anything else is a local run. */
    public static CiRun from(Map<String, String> env) {
        if ("true".equals(env.get("GITHUB_ACTIONS"))) {
            String server = env.getOrDefault("GITHUB_SERVER_URL", "https://github.com");
            Optional<String> repository = value(env, "GITHUB_REPOSITORY");
            Optional<String> project = repository.map(r -> server + "/" + r);
            Optional<String> run = value(env, "GITHUB_RUN_ID").flatMap(id -> project.map(p -> p + "/actions/runs/" + id));
            return new CiRun("GitHub Actions", "github", project.map(p -> p + "/actions"),
                    env.getOrDefault("GITHUB_WORKFLOW", "workflow") + " #" + env.getOrDefault("GITHUB_RUN_NUMBER", "?"),
                    value(env, "GITHUB_RUN_NUMBER"), run);
        }
        if (env.containsKey("JENKINS_URL") || env.containsKey("BUILD_URL")) {
            return new CiRun("Jenkins", "jenkins", value(env, "JENKINS_URL"),
                    env.getOrDefault("JOB_NAME", "job") + " #" + env.getOrDefault("BUILD_NUMBER", "?"),
                    value(env, "BUILD_NUMBER"), value(env, "BUILD_URL"));
        }
        if ("true".equals(env.get("GITLAB_CI")) || env.containsKey("CI_PIPELINE_URL")) {
            return new CiRun("GitLab CI", "gitlab", value(env, "CI_PROJECT_URL"),
                    env.getOrDefault("CI_JOB_NAME", "job") + " #" + env.getOrDefault("CI_PIPELINE_IID", "?"),
                    value(env, "CI_PIPELINE_IID"), value(env, "CI_JOB_URL").or(() -> value(env, "CI_PIPELINE_URL")));
        }
        return new CiRun("local", "local", Optional.empty(), "local run", Optional.empty(), Optional.empty());
    }

    private static Optional<String> value(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).filter(v -> !v.isBlank());
    }
}
