package fr.macrea.max.reporting;

import fr.macrea.max.ranking.LeadSegment;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The Reporting tab's read model for the current tenant (definitions in docs/reporting.md). */
@Service
@PreAuthorize("hasRole('TENANT_USER')")
@Transactional(readOnly = true)
public class ReportingService {

    public static final int MAX_ACTIVITIES = 100;

    private final ReportingRepository repository;
    private final Clock clock;

    ReportingService(ReportingRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    public Dashboard dashboard(Period period) {
        Instant to = clock.instant();
        Instant from = to.minus(period.duration());
        Map<String, Integer> byStatus = repository.leadsByStatus();
        int total = byStatus.values().stream().mapToInt(Integer::intValue).sum();
        int active = LeadSegment.ACTIVE_STATUSES.stream().mapToInt(s -> byStatus.getOrDefault(s, 0)).sum();
        int archived = LeadSegment.ARCHIVED_STATUSES.stream().mapToInt(s -> byStatus.getOrDefault(s, 0)).sum();
        Map<LocalDate, Integer> perDay = repository.newLeadsPerDay(from, to);
        int created = perDay.values().stream().mapToInt(Integer::intValue).sum();
        Map<LocalDate, Integer> series = new LinkedHashMap<>();
        LocalDate last = LocalDate.ofInstant(to, ZoneOffset.UTC);
        for (LocalDate d = LocalDate.ofInstant(from, ZoneOffset.UTC); !d.isAfter(last); d = d.plusDays(1)) {
            series.put(d, perDay.getOrDefault(d, 0));
        }
        Map<String, Integer> actions = repository.campaignActions(from, to);
        Dashboard.Campaigns campaigns = new Dashboard.Campaigns(repository.campaignsCreated(from, to),
                actions.getOrDefault("Sent", 0), actions.getOrDefault("Opened", 0), actions.getOrDefault("Clicked", 0));
        int[] sent = repository.sentEmails(from, to, to.minus(LeadSegment.FOLLOW_UP_AFTER));
        Dashboard.Messages messages = new Dashboard.Messages(sent[0], repository.pendingEmails(), sent[1]);
        return new Dashboard(period, from, to, new Dashboard.Leads(total, active, created, archived), campaigns,
                messages, series);
    }

    /** The latest activities (calls, meetings, e-mails, tasks, notes) of the tenant, newest first. */
    public List<Dashboard.Activity> latestActivities(int limit) {
        if (limit < 1 || limit > MAX_ACTIVITIES) {
            throw new IllegalArgumentException("Le nombre d'activités doit être compris entre 1 et " + MAX_ACTIVITIES + ".");
        }
        return repository.latestActivities(limit);
    }

    /** Leads per temperature segment (chaud, à relancer, froid), for the dashboard and suggestions. */
    public Map<LeadSegment, Integer> temperatures() {
        Instant now = clock.instant();
        Map<LeadSegment, Integer> out = new LinkedHashMap<>();
        for (LeadSegment s : List.of(LeadSegment.CHAUD, LeadSegment.A_RELANCER, LeadSegment.FROID)) {
            out.put(s, repository.count(s, now));
        }
        return out;
    }
}
