package fr.macrea.max.fields;

import fr.macrea.max.shared.Message;
import fr.macrea.max.tenant.CrmMode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A migration project: a brain's field plan compared with the tenant's schema, frozen when proposed, with the steps
 * that applying it runs. Immutable; {@link FieldsRebuildService} returns a new one after each change.
 *
 * @param id          0 for a preview not stored yet
 * @param target      the embedded CRM (DDL on the tenant schema) or EspoCRM (Field Manager calls + replica DDL)
 * @param rowCount    records of the entities changed (the estimate is measured on them)
 * @param estimate    expected duration of applying, from the row count
 * @param cost        tokens charged when a tenant admin validates it (the price table's {@code fields.rebuild})
 * @param error       why it failed (null unless FAILED)
 */
public record MigrationProject(long id, String brainId, String brainName, CrmMode target, MigrationStatus status,
                               List<FieldProposal> fields, List<PipelineProposal> pipelines, List<TagProposal> tags,
                               List<ViewProposal> views, List<MigrationStep> steps, long rowCount, Duration estimate,
                               int cost, Long draftId, Long actionLogId, String createdBy, Instant createdAt,
                               Instant appliedAt, Message error) {

    public MigrationProject {
        fields = List.copyOf(fields);
        pipelines = List.copyOf(pipelines);
        tags = List.copyOf(tags);
        views = List.copyOf(views);
        steps = List.copyOf(steps);
    }

    /** The fields the migration adds: the number the second confirmation names. */
    public List<FieldProposal> fieldsToAdd() {
        return fields.stream().filter(f -> f.status() == FieldStatus.ADD).toList();
    }

    public List<FieldProposal> conflicts() {
        return fields.stream().filter(f -> f.status() == FieldStatus.CONFLICT).toList();
    }

    /** Steps applied so far, for the progress bar. */
    public long appliedSteps() {
        return steps.stream().filter(s -> s.state() == StepState.APPLIED).count();
    }
}
