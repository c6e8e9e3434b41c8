package fr.macrea.max.kpi;

import fr.macrea.max.shared.Message;

import fr.macrea.max.brain.BrainCatalog;
import fr.macrea.max.brain.Contributed;
import fr.macrea.max.persistence.TenantDsl;
import fr.macrea.max.plugins.api.Criterion;
import fr.macrea.max.plugins.api.KpiDefinition;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Evaluates the declarative KPIs of the tenant's active brains into jOOQ on the tenant's CRM schema (never SQL from
 * a plugin), and counts the records matching a brain's criteria (suggestion routines).
 */
@Service
@PreAuthorize("hasRole('TENANT_USER')")
public class KpiService {

    private static final Map<String, Table<?>> NAMED_LINKS = Map.of(
            "campaignId", fr.macrea.max.db.crm.Tables.CAMPAIGN,
            "accountId", fr.macrea.max.db.crm.Tables.ACCOUNT);

    private static final Logger LOG = LoggerFactory.getLogger(KpiService.class);
    static final int MAX_GROUPS = 20;

    private final BrainCatalog catalog;
    private final TenantDsl tenantDsl;
    private final Clock clock;

    KpiService(BrainCatalog catalog, TenantDsl tenantDsl, Clock clock) {
        this.catalog = catalog;
        this.tenantDsl = tenantDsl;
        this.clock = clock;
    }

    /** The KPIs of the brains active for the current tenant, evaluated now. */
    public List<KpiValue> activeKpis(Locale locale) {
        List<KpiValue> out = new ArrayList<>();
        for (Contributed<KpiDefinition> kpi : catalog.kpis()) {
            out.add(evaluate(kpi.key(), kpi.brainName(), kpi.item(), locale));
        }
        return out;
    }

    /** Evaluates one definition (also used by tests with definitions of their own). */
    public KpiValue evaluate(String key, String brainName, KpiDefinition d, Locale locale) {
        String label = d.label().in(locale);
        try {
            Map<String, Double> values = compute(d);
            if (d.groupBy().isEmpty()) {
                return new KpiValue(key, brainName, label, values.get(""), d.unit(), Map.of(), null);
            }
            return new KpiValue(key, brainName, label, null, d.unit(), values, null);
        } catch (KpiException e) {
            return new KpiValue(key, brainName, label, null, d.unit(), Map.of(), e.message());
        } catch (DataAccessException | org.jooq.exception.DataAccessException e) {
            LOG.info("KPI {} not evaluable on this tenant: {}", key, e.getMessage());
            return new KpiValue(key, brainName, label, null, d.unit(), Map.of(),
                    Message.of("kpi.unavailable.missing-field"));
        }
    }

    /** Records of {@code entity} (not deleted) meeting every criterion. */
    public int countMatching(String entity, List<Criterion> criteria) {
        Table<?> table = CrmCriteria.table(entity);
        return tenantDsl.crm().fetchCount(table, CrmCriteria.all(entity, table, criteria, clock.instant()));
    }

    private Map<String, Double> compute(KpiDefinition d) {
        Instant now = clock.instant();
        DSLContext dsl = tenantDsl.crm();
        Table<?> table = CrmCriteria.table(d.entity());
        Condition where = CrmCriteria.all(d.entity(), table, d.filters(), now).and(CrmCriteria.period(table, d.period(), now));
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
