package dev.ovha.twin.state.fis;

import dev.ovha.twin.sim.SeededIds;
import dev.ovha.twin.sim.Sim;
import dev.ovha.twin.state.Ec2State;
import dev.ovha.twin.state.cloudwatch.CloudWatchState;
import dev.ovha.twin.state.cloudwatch.MetricAlarm;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * AWS Fault Injection Service: experiment templates, experiments run from them on the twin's stack,
 * and their tags. Templates are checked when created ({@link TemplateValidator}); experiments are run by
 * {@link ExperimentRunner}. Ids and random target choices come from the seed's own {@code fis} stream,
 * so running experiments never shifts the ids minted elsewhere. Call under the world's lock.
 */
public final class FisState {

    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private final Sim sim;
    private final SeededIds ids;
    private final FisWorld world;
    private final TargetResolver resolver;
    private final TemplateValidator validator;
    private final Map<String, ExperimentTemplate> templates = new LinkedHashMap<>();
    private final Map<String, ExperimentRunner> experiments = new LinkedHashMap<>();
    private final Map<String, String> templateTokens = new LinkedHashMap<>();
    private final Map<String, StartToken> experimentTokens = new LinkedHashMap<>();

    private record StartToken(String experimentId, String templateId) {
    }

    /** @param ssmReachable whether SSM can run a command on an instance now (managed, running, network up) */
    public FisState(Sim sim, Ec2State ec2, CloudWatchState cloudWatch, Predicate<String> ssmReachable) {
        this.sim = sim;
        this.ids = sim.ids().fork("fis");
        InstanceWatch watch = new InstanceWatch();
        ec2.addListener(watch);
        Predicate<String> inAlarm = arn -> cloudWatch.alarmByArn(arn).map(a -> a.stateValue().equals(MetricAlarm.ALARM))
                .orElse(false);
        this.world = new FisWorld(sim, ec2, ssmReachable, inAlarm, new CpuStress(sim, cloudWatch), watch);
        this.resolver = new TargetResolver(ec2, sim.account().region(), sim.account().id(), ids);
        this.validator = new TemplateValidator(arn -> cloudWatch.alarmByArn(arn).isPresent());
        cloudWatch.addAlarmListener(this::onAlarm);
    }

    /**
     * CreateExperimentTemplate. The same client token returns the template it created before (the SDK
     * fills the token with a fresh UUID, so only a retry of the same call repeats it).
     */
    /**
     * The twin's IAM holds every role of its own account and nothing else: FIS can assume a role of this
     * account, by any name, and no other (the twin's wording).
     */
    private void requireAssumableRole(String roleArn) {
        String prefix = "arn:aws:iam::" + sim.account().id() + ":role/";
        if (!roleArn.startsWith(prefix) || roleArn.length() == prefix.length()) {
            throw FisRejection.validation("FIS cannot assume the role " + roleArn + ": the ovha twin's IAM has"
                    + " roles of account " + sim.account().id() + " only (" + prefix + "<name>)");
        }
    }

    public ExperimentTemplate createTemplate(String clientToken, TemplateDefinition definition, Map<String, String> tags) {
        // Without a token there is no idempotency to honour (the SDK always sends one; raw callers may not).
        String known = clientToken.isEmpty() ? null : templateTokens.get(clientToken);
        if (known != null && templates.containsKey(known)) {
            return templates.get(known);
        }
        validator.validate(definition, tags);
        requireAssumableRole(definition.roleArn());
        String id = "EXT" + alphanumeric(14);
        ExperimentTemplate template = new ExperimentTemplate(id, sim.account().arn("fis", "experiment-template/" + id),
                definition, sim.now(), tags);
        templates.put(id, template);
        if (!clientToken.isEmpty()) {
            templateTokens.put(clientToken, id);
        }
        sim.log().record("fis.template", id, "change", "created", "description", definition.description());
        return template;
    }

    public ExperimentTemplate template(String id) {
        return Optional.ofNullable(templates.get(id)).orElseThrow(() -> FisRejection.notFound("Experiment template " + id + " not found"));
    }

    public List<ExperimentTemplate> templates() {
        return List.copyOf(templates.values());
    }

    /** DeleteExperimentTemplate: experiments already started from it keep running on their own copy. */
    public ExperimentTemplate deleteTemplate(String id) {
        ExperimentTemplate template = template(id);
        templates.remove(id);
        sim.log().record("fis.template", id, "change", "deleted");
        return template;
    }

    /**
     * StartExperiment: the experiment is {@code initiating} at once and resolves its targets and starts
     * running a moment later. A repeated client token returns the same experiment, unless it names
     * another template (ConflictException).
     *
     * @param actionsMode {@code run-all} or {@code skip-all}
     */
    public Experiment startExperiment(String clientToken, String templateId, String actionsMode, Map<String, String> tags) {
        StartToken known = experimentTokens.get(clientToken);
        if (known != null) {
            if (!known.templateId().equals(templateId)) {
                throw FisRejection.conflict("The client token " + clientToken + " was already used to start experiment "
                        + known.experimentId() + " from another experiment template");
            }
            return experiments.get(known.experimentId()).experiment();
        }
        ExperimentTemplate template = template(templateId);
        if (!Experiment.RUN_ALL.equals(actionsMode) && !Experiment.SKIP_ALL.equals(actionsMode)) {
            throw FisRejection.validation("1 validation error detected: Value '" + actionsMode
                    + "' at 'experimentOptions.actionsMode' failed to satisfy constraint: Member must satisfy enum value set: [skip-all, run-all]");
        }
        TemplateValidator.checkTags(tags);
        String id = "EXP" + alphanumeric(16);
        Experiment experiment = new Experiment(id, sim.account().arn("fis", "experiment/" + id), template.id(),
                template.definition(), actionsMode, sim.now(), tags);
        ExperimentRunner runner = new ExperimentRunner(experiment, world, resolver);
        experiments.put(id, runner);
        experimentTokens.put(clientToken, new StartToken(id, templateId));
        runner.start();
        return experiment;
    }

    public Experiment experiment(String id) {
        return runner(id).experiment();
    }

    /** Every experiment, oldest first; optionally only those of one template. */
    public List<Experiment> experiments(Optional<String> templateId) {
        return experiments.values().stream().map(ExperimentRunner::experiment)
                .filter(e -> templateId.map(e.templateId()::equals).orElse(true)).toList();
    }

    /** StopExperiment: a running (or initiating) experiment goes to {@code stopping}; a finished one cannot stop. */
    public Experiment stopExperiment(String id) {
        ExperimentRunner runner = runner(id);
        ExperimentStatus status = runner.experiment().status();
        if (status.isTerminal()) {
            throw FisRejection.validation("Experiment " + id + " cannot be stopped: it is already " + status.apiName());
        }
        runner.stop();
        return runner.experiment();
    }

    /** The tags of a template or an experiment, by ARN. */
    public Map<String, String> tags(String arn) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(taggable(arn)));
    }

    public void tag(String arn, Map<String, String> tags) {
        Map<String, String> current = taggable(arn);
        Map<String, String> merged = new LinkedHashMap<>(current);
        merged.putAll(tags);
        TemplateValidator.checkTags(merged);
        current.putAll(tags);
    }

    /** Removes the given tag keys; with none given, every tag (what the CLI's untag-resource without keys does). */
    public void untag(String arn, Collection<String> keys) {
        Map<String, String> current = taggable(arn);
        if (keys.isEmpty()) {
            current.clear();
        } else {
            keys.forEach(current::remove);
        }
    }

    private Map<String, String> taggable(String arn) {
        String templatePrefix = sim.account().arn("fis", "experiment-template/");
        String experimentPrefix = sim.account().arn("fis", "experiment/");
        if (arn.startsWith(templatePrefix) && templates.containsKey(arn.substring(templatePrefix.length()))) {
            return templates.get(arn.substring(templatePrefix.length())).mutableTags();
        }
        if (arn.startsWith(experimentPrefix) && experiments.containsKey(arn.substring(experimentPrefix.length()))) {
            return experiments.get(arn.substring(experimentPrefix.length())).experiment().mutableTags();
        }
        throw FisRejection.notFound("Resource " + arn + " not found");
    }

    private ExperimentRunner runner(String id) {
        return Optional.ofNullable(experiments.get(id)).orElseThrow(() -> FisRejection.notFound("Experiment " + id + " not found"));
    }

    private void onAlarm(MetricAlarm alarm) {
        List.copyOf(experiments.values()).forEach(r -> r.onAlarm(alarm));
    }

    private String alphanumeric(int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(ALPHANUMERIC.charAt(ids.nextInt(ALPHANUMERIC.length())));
        }
        return sb.toString();
    }
}
