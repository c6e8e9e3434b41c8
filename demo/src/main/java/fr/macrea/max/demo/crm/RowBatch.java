package fr.macrea.max.demo.crm;

import org.jooq.Field;
import org.jooq.Table;

import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;

/** Multi-row INSERTs of up to 1 000 rows (and under the 65 535 bind-values limit of MySQL). */
final class RowBatch {
    private final Table<?> table;
    private final Field<?>[] fields;
    private final int size;
    private final List<Object[]> rowsBuffer = new ArrayList<>();

    private final DatasetRun run;

    RowBatch(DatasetRun run, Table<?> table, Field<?>... fields) {
        this.run = run;
        this.table = table;
        this.fields = fields;
        this.size = Math.min(1_000, 60_000 / fields.length);
    }

    RowBatch add(Object... values) {
        rowsBuffer.add(values);
        if (rowsBuffer.size() >= size) {
            flush();
        }
        return this;
    }

    /** Plain JDBC with one cached multi-row statement per chunk size: jOOQ's per-value rendering is the bottleneck here. */
    void flush() {
        if (rowsBuffer.isEmpty()) {
            return;
        }
        int n = rowsBuffer.size();
        String sql = n == size && fullSql != null ? fullSql : sql(n);
        if (n == size) {
            fullSql = sql;
        }
        run.dsl.connection(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = 1;
                for (Object[] row : rowsBuffer) {
                    for (Object value : row) {
                        ps.setObject(i++, value);
                    }
                }
                ps.executeUpdate();
            }
        });
        run.rows += n;
        rowsBuffer.clear();
    }

    private String fullSql;

    private String sql(int n) {
        StringBuilder sb = new StringBuilder("insert into `").append(run.schema).append("`.`").append(table.getName()).append("` (");
        for (int i = 0; i < fields.length; i++) {
            sb.append(i == 0 ? "`" : ", `").append(fields[i].getName()).append('`');
        }
        sb.append(") values ");
        String row = "(" + "?, ".repeat(fields.length - 1) + "?)";
        for (int r = 0; r < n; r++) {
            sb.append(r == 0 ? "" : ", ").append(row);
        }
        return sb.toString();
    }
}
