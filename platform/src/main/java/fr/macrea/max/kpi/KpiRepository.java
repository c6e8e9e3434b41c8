package fr.macrea.max.kpi;

import fr.macrea.max.shared.Message;

import fr.macrea.max.persistence.TenantDsl;
import fr.macrea.max.plugins.api.Criterion;
import fr.macrea.max.plugins.api.KpiDefinition;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataRetrievalFailureException;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The jOOQ of the declarative KPIs, on the tenant's CRM schema ({@link TenantDsl}): a definition becomes one
 * aggregate select (never SQL from a plugin).
 */
@Repository
class KpiRepository {

    private static final Map<String, Table<?>> NAMED_LINKS = Map.of(
            "campaignId", fr.macrea.max.db.crm.Tables.CAMPAIGN,
            "accountId", fr.macrea.max.db.crm.Tables.ACCOUNT);

    static final int MAX_GROUPS = 20;

    private final TenantDsl tenantDsl;

    KpiRepository(TenantDsl tenantDsl) {
        this.tenantDsl = tenantDsl;
    }

    /** Records of {@code entity} (not deleted) meeting every criterion. */
    int countMatching(String entity, List<Criterion> criteria, Instant now) {
        Table<?> table = CrmCriteria.table(entity);
        try {
            return tenantDsl.crm().fetchCount(table, CrmCriteria.all(entity, table, criteria, now));
        } catch (org.jooq.exception.DataAccessException e) {
            throw translated(e);
        }
    }

    /** The value of a definition: under the key "" without grouping, else per group (at most {@link #MAX_GROUPS}). */
    Map<String, Double> compute(KpiDefinition d, Instant now) {
        try {
            return evaluate(d, now);
        } catch (org.jooq.exception.DataAccessException e) {
            throw translated(e);
        }
    }

    /**
     * jOOQ's own exceptions (a value that does not convert, a column this CRM lacks when no SQL state was
     * translated) become Spring's, so callers outside the repository never handle a jOOQ type.
     */
    private static DataAccessException translated(org.jooq.exception.DataAccessException e) {
        return new DataRetrievalFailureException(e.getMessage(), e);
    }

    private Map<String, Double> evaluate(KpiDefinition d, Instant now) {
        DSLContext dsl = tenantDsl.crm();
        Table<?> table = CrmCriteria.table(d.entity());
        // a rate reads its numerator's records too, which need not meet the denominator's filters
        Condition where = (d.measure() == KpiDefinition.Measure.RATE
                ? CrmCriteria.all(d.entity(), table, List.of(), now).and(DSL.or(
                        CrmCriteria.all(d.entity(), table, d.filters(), now),
                        CrmCriteria.all(d.entity(), table, d.numerator(), now)))
                : CrmCriteria.all(d.entity(), table, d.filters(), now))
                .and(CrmCriteria.period(table, d.period(), now));
        Field<?> measure = switch (d.measure()) {
            case COUNT -> DSL.count();
            case RATIO -> {
                if (d.numerator().isEmpty()) {
                    throw new KpiException(Message.of("kpi.ratio.no-numerator"));
                }
                Condition numerator = DSL.and(d.numerator().stream()
                        .map(c -> CrmCriteria.condition(d.entity(), table, c, now)).toList());
                yield DSL.inline(100.0).mul(DSL.count().filterWhere(numerator)).div(DSL.nullif(DSL.count(), 0));
            }
            case RATE -> {
                // numerator records per hundred denominator records: both sets are read, neither inside the other
                if (d.numerator().isEmpty()) {
                    throw new KpiException(Message.of("kpi.ratio.no-numerator"));
                }
                Condition numerator = DSL.and(d.numerator().stream()
                        .map(c -> CrmCriteria.condition(d.entity(), table, c, now)).toList());
                Condition denominator = DSL.and(d.filters().stream()
                        .map(c -> CrmCriteria.condition(d.entity(), table, c, now)).toList());
                yield DSL.inline(100.0).mul(DSL.count().filterWhere(numerator))
                        .div(DSL.nullif(DSL.count().filterWhere(denominator), 0));
            }
            case AVERAGE -> DSL.avg(CrmCriteria.field(table, d.field()).cast(BigDecimal.class));
            case AVERAGE_DAYS_BETWEEN -> DSL.avg(DSL.field("TIMESTAMPDIFF(SECOND, {0}, {1})", Long.class,
                    CrmCriteria.field(table, d.field()), CrmCriteria.field(table, d.untilField()))).div(86_400);
        };
        Map<String, Double> out = new LinkedHashMap<>();
        if (d.groupBy().isEmpty()) {
            Record r = dsl.select(measure).from(table).where(where).fetchOne();
            out.put("", r == null || r.get(0) == null ? 0.0 : r.get(0, Double.class));
            return out;
        }
        Field<Object> group = CrmCriteria.field(table, d.groupBy());
        Table<?> linked = NAMED_LINKS.get(d.groupBy());
        for (Record r : dsl.select(group, measure.as("v")).from(table).where(where).groupBy(group)
                .orderBy(DSL.field(DSL.name("v")).desc()).limit(MAX_GROUPS).fetch()) {
            String key = r.get(0) == null ? "—" : r.get(0).toString();
            out.put(key, r.get(1) == null ? 0.0 : r.get(1, Double.class));
        }
        return linked == null ? out : byName(dsl, linked, out);
    }

    /** A KPI grouped by a link ({@code campaignId}, ...) is shown per linked record's name, not per 17-char id. */
    private static Map<String, Double> byName(DSLContext dsl, Table<?> linked, Map<String, Double> byId) {
        Field<String> id = linked.field("id", String.class);
        Field<String> name = linked.field("name", String.class);
        Map<String, String> names = dsl.select(id, name).from(linked).where(id.in(byId.keySet()))
                .fetchMap(id, name);
        Map<String, Double> out = new LinkedHashMap<>();
        byId.forEach((key, value) -> out.merge(names.getOrDefault(key, key), value, Double::sum));
        return out;
    }
}
