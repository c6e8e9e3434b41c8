package fr.macrea.max.reporting;

import fr.macrea.max.event.TenantEvent;
import fr.macrea.max.ranking.LeadSegment;
import fr.macrea.max.security.TenantContext;
import fr.macrea.max.shared.TenantId;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Reporting tab's read model for the current tenant (definitions in docs/reporting.md).
 * <p>
 * {@link #dashboard} serves a per-tenant snapshot: recomputed when a CRM change of the tenant arrives
 * ({@code crm.*} event) or when it is older than {@link #MAX_AGE} (the temperatures move with time alone), so that
 * every open Reporting tab and every refresh does not rescan 200 000 leads. {@link #computeDashboard} always reads
 * the database. No transaction: independent autocommit reads.
 */
@Service
public class ReportingService {

    public static final int MAX_ACTIVITIES = 100;
    public static final Duration MAX_AGE = Duration.ofSeconds(30);

    private record Key(TenantId tenant, Period period) {
    }

    private record Snapshot(Dashboard dashboard, Instant at) {
    }

    private final ReportingRepository repository;
    private final TenantContext tenants;
    private final Clock clock;
    private final Map<Key, Snapshot> snapshots = new ConcurrentHashMap<>();

    ReportingService(ReportingRepository repository, TenantContext tenants, Clock clock) {
        this.repository = repository;
        this.tenants = tenants;
        this.clock = clock;
    }

    /** The dashboard as served to the Reporting tab: at most 30 s old, and never older than the last CRM change. */
    @PreAuthorize("hasRole('TENANT_USER')")
    public Dashboard dashboard(Period period) {
        Key key = new Key(tenants.current(), period);
        Instant now = clock.instant();
        Snapshot snapshot = snapshots.get(key);
        if (snapshot == null || snapshot.at().plus(MAX_AGE).isBefore(now)) {
            snapshot = new Snapshot(compute(period, now), now);
            snapshots.put(key, snapshot);
        }
        return snapshot.dashboard();
    }

    /** The dashboard read from the database now (benchmarks, and {@link #dashboard} when its snapshot is stale). */
    @PreAuthorize("hasRole('TENANT_USER')")
    public Dashboard computeDashboard(Period period) {
        return compute(period, clock.instant());
    }

    private Dashboard compute(Period period, Instant to) {
        Instant from = to.minus(period.duration());
        Map<String, Integer> byStatus = repository.leadsByStatusAndTemperature(to);
        int total = byStatus.entrySet().stream().filter(e -> !e.getKey().startsWith("#")).mapToInt(Map.Entry::getValue).sum();
        int active = LeadSegment.ACTIVE_STATUSES.stream().mapToInt(s -> byStatus.getOrDefault(s, 0)).sum();
        int archived = LeadSegment.ARCHIVED_STATUSES.stream().mapToInt(s -> byStatus.getOrDefault(s, 0)).sum();
        Dashboard.Temperatures temperatures = new Dashboard.Temperatures(byStatus.getOrDefault("#CHAUD", 0),
                byStatus.getOrDefault("#A_RELANCER", 0), byStatus.getOrDefault("#FROID", 0));
        Map<LocalDate, Integer> perDay = repository.newLeadsPerDay(from, to);
        int created = perDay.values().stream().mapToInt(Integer::intValue).sum();
        Map<LocalDate, Integer> series = new LinkedHashMap<>();
        LocalDate last = LocalDate.ofInstant(to, ZoneOffset.UTC);
        for (LocalDate d = LocalDate.ofInstant(from, ZoneOffset.UTC); !d.isAfter(last); d = d.plusDays(1)) {
            series.put(d, perDay.getOrDefault(d, 0));
        }
        Map<String, Integer> actions = repository.campaignActions(from, to);
        Dashboard.Campaigns campaigns = new Dashboard.Campaigns(repository.campaignsCreated(from, to),
                actions.getOrDefault(CampaignActivity.SENT, 0), actions.getOrDefault(CampaignActivity.OPENED, 0),
                actions.getOrDefault(CampaignActivity.CLICKED, 0));
        int[] sent = repository.sentEmails(from, to, to.minus(LeadSegment.FOLLOW_UP_AFTER));
        Dashboard.Messages messages = new Dashboard.Messages(sent[0], repository.pendingEmails(), sent[1]);
        return new Dashboard(period, from, to, new Dashboard.Leads(total, active, created, archived), temperatures,
                campaigns, messages, series);
    }

    /** The latest activities (calls, meetings, e-mails, tasks, notes) of the tenant, newest first. */
    @PreAuthorize("hasRole('TENANT_USER')")
    public List<Dashboard.Activity> latestActivities(int limit) {
        if (limit < 1 || limit > MAX_ACTIVITIES) {
            // a programming error (views ask for a fixed number): English, for logs
            throw new IllegalArgumentException("The number of activities must be between 1 and " + MAX_ACTIVITIES);
        }
        return repository.latestActivities(limit);
    }

    /** Leads per temperature segment (chaud, à relancer, froid), counted now. */
    @PreAuthorize("hasRole('TENANT_USER')")
    public Map<LeadSegment, Integer> temperatures() {
        Instant now = clock.instant();
        Map<LeadSegment, Integer> out = new LinkedHashMap<>();
        for (LeadSegment s : List.of(LeadSegment.CHAUD, LeadSegment.A_RELANCER, LeadSegment.FROID)) {
            out.put(s, repository.count(s, now));
        }
        return out;
    }

    /** A CRM change of a tenant makes its snapshots stale (before the open views hear of it: order 0). */
    @TransactionalEventListener(fallbackExecution = true)
    @org.springframework.core.annotation.Order(0)
    void on(TenantEvent event) {
        if (event.type() != null && event.type().startsWith("crm.")) {
            snapshots.keySet().removeIf(k -> k.tenant().equals(event.tenant()));
        }
    }
}
