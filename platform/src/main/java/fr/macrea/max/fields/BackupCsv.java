package fr.macrea.max.fields;

import fr.macrea.max.crm.CrmCustomFields;
import fr.macrea.max.crm.CustomField;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The values an undo removes, as CSV (one line per record: its id, then one column per field), written before the
 * columns are dropped and kept with the project for export.
 */
final class BackupCsv {

    private static final CsvMapper CSV = CsvMapper.builder().build();

    private BackupCsv() {
    }

    static String of(MigrationProject project, CrmCustomFields crm) {
        Map<String, List<CustomField>> byEntity = new LinkedHashMap<>();
        for (FieldProposal f : project.fieldsToAdd()) {
            byEntity.computeIfAbsent(f.entity(), e -> new ArrayList<>())
                    .add(FieldPlanDiff.customField(f, project.brainId(), project.id()));
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        Set<String> columns = new LinkedHashSet<>(List.of("entity", "id"));
        byEntity.forEach((entity, fields) -> {
            for (Map<String, Object> values : crm.values(entity, fields)) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("entity", entity);
                values.forEach((attribute, value) -> row.put(attribute, value == null ? "" : String.valueOf(value)));
                columns.addAll(row.keySet());
                rows.add(row);
            }
        });
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        columns.forEach(schema::addColumn);
        return CSV.writer(schema.build()).writeValueAsString(rows);
    }
}
