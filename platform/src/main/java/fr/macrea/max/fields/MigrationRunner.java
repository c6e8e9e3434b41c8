package fr.macrea.max.fields;

import fr.macrea.max.action.ActionAbortedException;
import fr.macrea.max.action.ActionRefusedException;
import fr.macrea.max.crm.CrmCustomFields;
import fr.macrea.max.crm.CustomField;
import fr.macrea.max.crm.SavedView;
import fr.macrea.max.shared.LocalizedException;
import fr.macrea.max.shared.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies, reverses and undoes migration projects, one step at a time, each step's state committed before the
 * next starts. MariaDB commits every {@code ALTER TABLE} on its own, so a failure is repaired by reversing the
 * applied steps newest first, never by a rollback; a crash leaves the states that {@link MigrationRecovery} reads.
 */
@Component
class MigrationRunner {

    private static final Logger log = LoggerFactory.getLogger(MigrationRunner.class);
    /** How often the applying node writes its heartbeat; the recovery job waits for several missed ones. */
    static final java.time.Duration HEARTBEAT = java.time.Duration.ofSeconds(5);

    private final MigrationRepository repository;
    private final MigrationProjects projects;
    private final SchemaTargets targets;
    private final CrmCustomFields crm;
    private final List<StepObserver> observers;
    private final Clock clock;

    MigrationRunner(MigrationRepository repository, MigrationProjects projects, SchemaTargets targets,
                    CrmCustomFields crm, List<StepObserver> observers, Clock clock) {
        this.repository = repository;
        this.projects = projects;
        this.targets = targets;
        this.crm = crm;
        this.observers = observers;
        this.clock = clock;
    }

    /** Runs every pending step; on a failure reverses what was applied and aborts (the pipeline refunds). */
    int apply(long projectId) {
        if (!repository.move(projectId, MigrationStatus.DRAFT, MigrationStatus.APPLYING)) {
            throw new ActionAbortedException(Message.of("fields.apply.not-draft"));
        }
        repository.heartbeat(projectId, clock.instant());
        Thread heartbeat = Thread.ofVirtual().start(new DelegatingSecurityContextRunnable(() -> beat(projectId),
                SecurityContextHolder.getContext()));
        try {
            return applySteps(projectId);
        } finally {
            heartbeat.interrupt();
        }
    }

    /** Tells the recovery job this node is still applying (one ALTER on a large table can take minutes). */
    private void beat(long projectId) {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(HEARTBEAT);
                repository.heartbeat(projectId, clock.instant());
            } catch (InterruptedException stopped) {
                return;
            } catch (RuntimeException e) {
                log.warn("field migration {}: heartbeat not written", projectId, e);
            }
        }
    }

    private int applySteps(long projectId) {
        MigrationProject project = projects.require(projectId);
        SchemaTarget target = targets.of(project.target());
        List<MigrationStep> steps = project.steps();
        for (MigrationStep step : steps) {
            try {
                observers.forEach(o -> o.beforeStep(projectId, step));
                run(project, target, step);
                repository.step(projectId, step.index(), StepState.APPLIED, null);
            } catch (RuntimeException failure) {
                Message reason = reason(failure);
                log.info("field migration {} failed at step {} of {}", projectId, step.index(), steps.size(), failure);
                repository.step(projectId, step.index(), StepState.FAILED, reason);
                List<String> notReversed = reverseApplied(projectId);
                Message error = Message.of("fields.apply.failed", step.index(), steps.size(), step.name(), reason);
                if (!notReversed.isEmpty()) {
                    error = Message.of("fields.apply.failed.not-reversed", error, String.join(", ", notReversed));
                }
                repository.failed(projectId, error);
                throw new ActionAbortedException(error);
            }
        }
        repository.applied(projectId, clock.instant());
        return project.fieldsToAdd().size();
    }

    /** Reverses the applied steps newest first; returns the names of those that could not be reversed. */
    List<String> reverseApplied(long projectId) {
        MigrationProject project = projects.require(projectId);
        SchemaTarget target = targets.of(project.target());
        List<String> notReversed = new ArrayList<>();
        for (MigrationStep step : project.steps().reversed()) {
            if (step.state() != StepState.APPLIED && step.state() != StepState.FAILED) {
                continue;
            }
            try {
                if (step.state() == StepState.FAILED) {
                    reversePartial(project, target, step);
                } else {
                    reverse(project, target, step);
                }
                repository.step(projectId, step.index(), StepState.REVERSED, step.error());
            } catch (RuntimeException failure) {
                log.warn("field migration {}: step {} could not be reversed", projectId, step.index(), failure);
                notReversed.add(step.name());
            }
        }
        return notReversed;
    }

    /** Per added field, the records holding a value now. */
    Map<String, Long> filled(MigrationProject project) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (FieldProposal f : project.fieldsToAdd()) {
            out.put(f.name(), crm.filled(FieldPlanDiff.customField(f, project.brainId(), project.id())));
        }
        return out;
    }

    /** Undoes an applied project; data written since is kept as a CSV backup first ({@code dropWrittenData}). */
    void undo(long projectId, boolean dropWrittenData) {
        MigrationProject project = projects.require(projectId);
        if (project.status() != MigrationStatus.APPLIED) {
            throw new ActionRefusedException(Message.of("fields.undo.not-applied", Message.of(project.status().labelKey())));
        }
        boolean dataWritten = filled(project).values().stream().anyMatch(n -> n > 0);
        if (dataWritten && !dropWrittenData) {
            throw new ActionRefusedException(Message.of("fields.undo.confirm"));
        }
        String backup = dataWritten ? BackupCsv.of(project, crm) : null;
        List<String> notReversed = reverseApplied(projectId);
        if (!notReversed.isEmpty()) {
            throw new ActionRefusedException(Message.of("fields.undo.not-reversed", String.join(", ", notReversed)));
        }
        repository.undone(projectId, backup, clock.instant());
    }

    private void run(MigrationProject project, SchemaTarget target, MigrationStep step) {
        switch (step.kind()) {
            case FIELD -> {
                FieldProposal f = field(project, step);
                CustomField custom = FieldPlanDiff.customField(f, project.brainId(), project.id());
                target.add(custom);
                crm.register(custom);
            }
            case VIEW -> {
                ViewProposal v = view(project, step);
                crm.saveView(new SavedView(viewId(project, v), v.entity(), v.labelFr(), v.labelEn(), v.columns(),
                        v.filters(), project.brainId(), project.id()));
            }
            case TAGS -> {
                Set<String> options = new LinkedHashSet<>(crm.tagOptions("Lead"));
                project.tags().forEach(t -> options.add(t.value()));
                // the tags keep their own label on every screen: the entry only carries the proposed values
                crm.register(new CustomField("Lead", "cTags", "multiEnum", "cTags", "cTags", List.copyOf(options),
                        null, project.brainId(), project.id()));
            }
            case REBUILD -> target.finish();
        }
    }

    private void reverse(MigrationProject project, SchemaTarget target, MigrationStep step) {
        switch (step.kind()) {
            case FIELD -> {
                CustomField custom = FieldPlanDiff.customField(field(project, step), project.brainId(), project.id());
                target.remove(custom);
                crm.unregister(custom);
            }
            case VIEW -> crm.removeView(viewId(project, view(project, step)));
            case TAGS -> crm.unregisterTags("Lead", project.id());
            case REBUILD -> {
                // the fields' own reversal rebuilt EspoCRM's schema: nothing left to undo
            }
        }
    }

    private void reversePartial(MigrationProject project, SchemaTarget target, MigrationStep step) {
        if (step.kind() == MigrationStep.Kind.FIELD) {
            target.removePartial(FieldPlanDiff.customField(field(project, step), project.brainId(), project.id()));
        }
    }

    static String viewId(MigrationProject project, ViewProposal v) {
        return project.brainId() + ":" + v.id();
    }

    private static FieldProposal field(MigrationProject project, MigrationStep step) {
        return project.fieldsToAdd().stream()
                .filter(f -> f.name().equals(step.name()) && f.entity().equals(step.entity())).findFirst()
                .orElseThrow(() -> new IllegalStateException("no field " + step.name() + " in project " + project.id()));
    }

    private static ViewProposal view(MigrationProject project, MigrationStep step) {
        return project.views().stream().filter(v -> v.id().equals(step.name())).findFirst()
                .orElseThrow(() -> new IllegalStateException("no view " + step.name() + " in project " + project.id()));
    }

    private static Message reason(RuntimeException failure) {
        if (failure instanceof LocalizedException localized) {
            return localized.message();
        }
        String text = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        return Message.of("fields.text", text.length() > 300 ? text.substring(0, 300) + "…" : text);
    }
}
