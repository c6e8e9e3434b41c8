package fr.macrea.max.kpi;

import fr.macrea.max.shared.Message;

import fr.macrea.max.brain.BrainCatalog;
import fr.macrea.max.brain.Contributed;
import fr.macrea.max.plugins.api.Criterion;
import fr.macrea.max.plugins.api.KpiDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Evaluates the declarative KPIs of the tenant's active brains on the tenant's CRM schema ({@link KpiRepository}
 * turns a definition into jOOQ, never SQL from a plugin), and counts the records matching a brain's criteria
 * (suggestion routines).
 */
@Service
@PreAuthorize("hasRole('TENANT_USER')")
public class KpiService {

    private static final Logger LOG = LoggerFactory.getLogger(KpiService.class);
    static final int MAX_GROUPS = KpiRepository.MAX_GROUPS;

    private final BrainCatalog catalog;
    private final KpiRepository repository;
    private final Clock clock;

    KpiService(BrainCatalog catalog, KpiRepository repository, Clock clock) {
        this.catalog = catalog;
        this.repository = repository;
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
            return new KpiValue(key, brainName, label, null, d.unit(), values, null, d.entity(), d.groupBy());
        } catch (KpiException e) {
            return new KpiValue(key, brainName, label, null, d.unit(), Map.of(), e.message());
        } catch (DataAccessException e) {
            LOG.info("KPI {} not evaluable on this tenant: {}", key, e.getMessage());
            return new KpiValue(key, brainName, label, null, d.unit(), Map.of(),
                    Message.of("kpi.unavailable.missing-field"));
        }
    }

    /** Records of {@code entity} (not deleted) meeting every criterion. */
    public int countMatching(String entity, List<Criterion> criteria) {
        return repository.countMatching(entity, criteria, clock.instant());
    }

    private Map<String, Double> compute(KpiDefinition d) {
        return repository.compute(d, clock.instant());
    }
}
