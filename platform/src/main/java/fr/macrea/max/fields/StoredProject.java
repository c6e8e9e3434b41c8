package fr.macrea.max.fields;

import java.util.List;

/** The frozen proposal of a project, as stored in {@code field_migration.project_json}. */
record StoredProject(List<FieldProposal> fields, List<PipelineProposal> pipelines, List<TagProposal> tags,
                     List<ViewProposal> views, long rowCount, long estimateMillis, int cost) {
}
