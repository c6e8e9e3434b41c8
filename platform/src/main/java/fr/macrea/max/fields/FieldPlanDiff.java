package fr.macrea.max.fields;

import fr.macrea.max.crm.CustomField;
import fr.macrea.max.plugins.api.FieldPlan;
import fr.macrea.max.shared.Message;
import fr.macrea.max.tenant.CrmMode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A field plan compared with the live schema: each field to add, already there or in conflict (another type), the
 * pipelines, tags and views, and the ordered steps that applying runs. The plan has passed
 * {@link FieldIdentifiers} before it gets here.
 */
final class FieldPlanDiff {

    /**
     * The estimate, from {@code ./max bench fields} (docs/benchmarks.md, 200 000 leads on MariaDB): about 60 ms per
     * field (MariaDB adds a column in place, INSTANT), plus one rebuild of each changed table, about 0.04 ms per
     * record (the first ALTER of a tenant's table copies it once: InnoDB's hidden FTS_DOC_ID left by crm V3).
     */
    static final long MILLIS_PER_FIELD = 60;
    static final double MILLIS_PER_RECORD = 0.04;

    private FieldPlanDiff() {
    }

    static StoredProject diff(FieldPlan plan, SchemaTarget target, Function<String, Long> rowCounts, int cost) {
        List<FieldProposal> fields = new ArrayList<>();
        long rows = 0;
        int added = 0;
        for (FieldPlan.EntityFields entity : plan.entities()) {
            Map<String, String> existing = target.existing(entity.entity());
            long entityRows = rowCounts.apply(entity.entity());
            boolean changed = false;
            for (FieldPlan.Field f : entity.fields()) {
                String current = existing.get(f.name());
                FieldStatus status = current == null ? FieldStatus.ADD
                        : compatible(current, f.type()) ? FieldStatus.SAME : FieldStatus.CONFLICT;
                FieldProposal proposal = new FieldProposal(entity.entity(), f.name(), FieldIdentifiers.column(f.name()),
                        f.type(), f.label().fr(), f.label().en(), f.options(), f.gdprPurpose(), f.required(), status,
                        current, List.of());
                if (status == FieldStatus.ADD) {
                    proposal = new FieldProposal(proposal.entity(), proposal.name(), proposal.column(), proposal.type(),
                            proposal.labelFr(), proposal.labelEn(), proposal.options(), proposal.gdprPurpose(),
                            proposal.required(), status, null, target.changes(customField(proposal, null, null)));
                    added++;
                    changed = true;
                }
                fields.add(proposal);
            }
            if (changed) {
                rows += entityRows;
            }
        }
        List<PipelineProposal> pipelines = plan.pipelines().stream().map(p -> new PipelineProposal(p.id(),
                p.label().fr(), p.label().en(), p.entity(), p.field(), p.stages().stream()
                .map(s -> new PipelineProposal.Stage(s.value(), s.label().fr(), s.label().en(), s.probability()))
                .toList())).toList();
        List<TagProposal> tags = plan.tags().stream()
                .map(t -> new TagProposal(t.value(), t.label().fr(), t.label().en())).toList();
        List<ViewProposal> views = plan.views().stream().map(v -> new ViewProposal(v.id(), v.label().fr(),
                v.label().en(), v.entity(), v.columns(), v.filters())).toList();
        long estimate = Math.round(added * MILLIS_PER_FIELD + rows * MILLIS_PER_RECORD);
        long rowCount = plan.entities().stream().mapToLong(e -> rowCounts.apply(e.entity())).sum();
        return new StoredProject(fields, pipelines, tags, views, rowCount, estimate, cost);
    }

    /** The steps, in order: each field to add, the views, the tags, then the target's last step (EspoCRM rebuild). */
    static List<MigrationStep> steps(StoredProject project, SchemaTarget target) {
        List<MigrationStep> steps = new ArrayList<>();
        for (FieldProposal f : project.fields()) {
            if (f.status() == FieldStatus.ADD) {
                steps.add(new MigrationStep(steps.size() + 1, MigrationStep.Kind.FIELD, f.entity(), f.name(),
                        String.join(";\n", f.changes()), StepState.PENDING, null));
            }
        }
        for (ViewProposal v : project.views()) {
            steps.add(new MigrationStep(steps.size() + 1, MigrationStep.Kind.VIEW, v.entity(), v.id(),
                    "max_saved_view <- " + v.entity() + " " + v.id() + " (" + String.join(", ", v.columns()) + ")",
                    StepState.PENDING, null));
        }
        if (!project.tags().isEmpty()) {
            steps.add(new MigrationStep(steps.size() + 1, MigrationStep.Kind.TAGS, "Lead", "cTags",
                    "max_custom_field <- Lead.cTags [" + String.join(", ", project.tags().stream().map(TagProposal::value).toList()) + "]",
                    StepState.PENDING, null));
        }
        if (target.finishCommand() != null && project.fields().stream().anyMatch(f -> f.status() == FieldStatus.ADD)) {
            steps.add(new MigrationStep(steps.size() + 1, MigrationStep.Kind.REBUILD, "", "rebuild",
                    target.finishCommand(), StepState.PENDING, null));
        }
        return steps;
    }

    static MigrationProject project(MigrationRepository.Row row, StoredProject stored, List<MigrationStep> steps) {
        return new MigrationProject(row.id(), row.brainId(), row.brainName(), CrmMode.valueOf(row.target()),
                row.status(), stored.fields(), stored.pipelines(), stored.tags(), stored.views(), steps,
                stored.rowCount(), Duration.ofMillis(stored.estimateMillis()), stored.cost(), row.draftId(),
                row.actionLogId(), row.createdBy(), row.createdAt(), row.appliedAt(), row.error());
    }

    static MigrationProject preview(String brainId, String brainName, CrmMode mode, StoredProject stored,
                                    List<MigrationStep> steps, Message error) {
        return new MigrationProject(0, brainId, brainName, mode, MigrationStatus.DRAFT, stored.fields(),
                stored.pipelines(), stored.tags(), stored.views(), steps, stored.rowCount(),
                Duration.ofMillis(stored.estimateMillis()), stored.cost(), null, null, null, null, null, error);
    }

    static CustomField customField(FieldProposal f, String brainId, Long migrationId) {
        return new CustomField(f.entity(), f.name(), f.type(), f.labelFr(), f.labelEn(), f.options(), f.gdprPurpose(),
                brainId, migrationId);
    }

    /** A column found with another type reading is still the same field when EspoCRM would store it alike. */
    private static boolean compatible(String current, String planned) {
        if (current.equals(planned)) {
            return true;
        }
        // a column found in the schema without M.A.X.'s catalogue reads as its storage type
        return switch (planned) {
            case "enum" -> current.equals("varchar");
            case "currency" -> current.equals("float");
            case "multiEnum" -> current.equals("text");
            default -> false;
        };
    }
}
