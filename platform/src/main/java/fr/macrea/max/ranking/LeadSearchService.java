package fr.macrea.max.ranking;

import fr.macrea.max.crm.CrmCustomFields;
import fr.macrea.max.crm.CustomField;
import fr.macrea.max.crm.SavedView;
import fr.macrea.max.shared.Message;
import fr.macrea.max.shared.LocalizedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The CRM tab's read model: lead search with keyset pages (no count on the request path), the intelligent ranking
 * with its reasons, and the values of the filters. Tenant from the principal ({@code TenantDsl}).
 */
@Service
@PreAuthorize("hasRole('TENANT_USER')")
// no transaction: independent autocommit reads, no BEGIN/SET READ ONLY/COMMIT round trips on the request path
public class LeadSearchService {

    public static final int MAX_PAGE = 200;
    /** How many recently active leads the ranking considers before keeping the best. */
    static final int RANKING_CANDIDATES = 500;

    private final LeadRepository repository;
    private final CrmCustomFields customFields;
    private final List<RankingWeights> weights;
    private final Clock clock;

    LeadSearchService(LeadRepository repository, CrmCustomFields customFields, List<RankingWeights> weights,
                      Clock clock) {
        this.repository = repository;
        this.customFields = customFields;
        this.weights = List.copyOf(weights);
        this.clock = clock;
    }

    /** One page of leads matching the filter, newest first; pass the previous page's cursor to go on. */
    public LeadPage search(LeadFilter filter, String cursor, int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new LocalizedException(Message.of("ranking.page.size.invalid", MAX_PAGE));
        }
        Instant now = clock.instant();
        List<LeadRepository.Raw> raws = repository.page(Objects.requireNonNull(filter), LeadRepository.Cursor.decode(cursor), limit + 1, now,
                customFields.fields("Lead"));
        boolean more = raws.size() > limit;
        List<LeadRepository.Raw> page = more ? raws.subList(0, limit) : raws;
        String next = null;
        if (more) {
            LeadRepository.Raw last = page.getLast();
            next = new LeadRepository.Cursor(LeadRepository.utc(last.createdAt()), last.id()).encode();
        }
        return new LeadPage(enrich(page, now), next);
    }

    /** The best leads by score among the active leads touched in the last 30 days, best first. */
    public List<LeadRow> topRanked(int limit) {
        Instant now = clock.instant();
        return enrich(repository.recentlyActive(RANKING_CANDIDATES, now), now).stream()
                .sorted(Comparator.comparingInt(LeadRow::score).reversed().thenComparing(LeadRow::modifiedAt,
                        Comparator.nullsLast(Comparator.reverseOrder())))
                .limit(limit).toList();
    }

    /** How many leads match the filter: the CRM tab's result count, one query per new search (not per page). */
    public int count(LeadFilter filter) {
        return repository.count(Objects.requireNonNull(filter), clock.instant());
    }

    public int count(LeadSegment segment) {
        return repository.count(segment, clock.instant());
    }

    /** Active CRM users, id -> name. */
    public Map<String, String> users() {
        return repository.users();
    }

    public List<String> sources() {
        return repository.sources();
    }

    /** The tags in use, then those the applied field plans propose. */
    public List<String> tags() {
        java.util.Set<String> tags = new java.util.TreeSet<>(repository.tags());
        tags.addAll(customFields.tagOptions("Lead"));
        return List.copyOf(tags);
    }

    /** The tenant's custom lead fields (from its schema): the CRM tab's extra filters, columns and card lines. */
    public List<CustomField> customFields() {
        return customFields.fields("Lead");
    }

    /** The saved views of the field plans applied: the CRM tab's "Vue" choices. */
    public List<SavedView> views() {
        return customFields.views("Lead");
    }

    private List<LeadRow> enrich(List<LeadRepository.Raw> raws, Instant now) {
        List<String> ids = raws.stream().map(LeadRepository.Raw::id).toList();
        Map<String, String> emails = repository.emails(ids);
        Map<String, Integer> activities = repository.activityCounts(ids, now.minus(LeadScorer.ACTIVITY_WINDOW));
        Set<String> userIds = new HashSet<>();
        raws.forEach(r -> {
            if (r.assignedUserId() != null) {
                userIds.add(r.assignedUserId());
            }
        });
        Map<String, String> users = repository.userNames(userIds);
        return raws.stream().map(r -> {
            String email = emails.get(r.id());
            LeadScorer.Score score = LeadScorer.score(LeadScorer.facts(r.status(), r.source(), r.tags(),
                    r.modifiedAt(), email, r.accountName(), r.title(), r.city(), activities.getOrDefault(r.id(), 0)),
                    now, weights);
            String name = ((r.firstName() == null ? "" : r.firstName()) + " " + (r.lastName() == null ? "" : r.lastName())).strip();
            return new LeadRow(r.id(), name, r.accountName(), email, r.status(), r.source(), r.tags(),
                    r.assignedUserId(), r.assignedUserId() == null ? null : users.get(r.assignedUserId()), r.createdAt(), r.modifiedAt(),
                    LeadSegment.temperature(r.status(), r.modifiedAt(), now), score.value(), score.reasons(), r.custom());
        }).toList();
    }
}
