package fr.macrea.max.crm;

import fr.macrea.max.shared.Message;
import fr.macrea.max.tenant.CrmMode;
import fr.macrea.max.tenant.Tenant;
import fr.macrea.max.security.TenantContext;
import fr.macrea.max.tenant.TenantService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Keeps an EspoCRM tenant's schema a replica of its EspoCRM: initial backfill and incremental pulls by
 * {@code modifiedAt} (pages of 200, {@code X-No-Total}), entity by entity. The cursor advances page by page, only
 * after the page was stored, so a failure (EspoCRM down) loses nothing: the next run starts where this one stopped.
 * Deletions arrive through webhooks (EspoCRM lists never show deleted records).
 */
@Component
class CrmSync {

    private static final Logger log = LoggerFactory.getLogger(CrmSync.class);

    /** Entity types copied into the replica, parents before children. */
    static final List<String> SYNCED = List.of("Account", "Contact", "Lead", "TargetList", "Campaign",
            "EmailTemplate", "Task", "Call", "Meeting", "Email", "CampaignLogRecord");

    private final EspoConnections connections;
    private final CrmStore store;
    private final CrmSyncStatusRepository syncState;
    private final TenantService tenants;
    private final TenantContext context;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CrmSync(EspoConnections connections, CrmStore store, CrmSyncStatusRepository syncState, TenantService tenants,
            TenantContext context, ApplicationEventPublisher events, Clock clock) {
        this.connections = connections;
        this.store = store;
        this.syncState = syncState;
        this.tenants = tenants;
        this.context = context;
        this.events = events;
        this.clock = clock;
    }

    /** Pulls every synced entity type for the current tenant; returns the number of records changed locally. */
    long pull() {
        EspoCrmClient client = connections.client();
        long changed = 0;
        for (String entityType : SYNCED) {
            changed += pull(client, entityType);
        }
        return changed;
    }

    /** Forgets the cursors and pulls everything again (idempotent: unchanged records are left alone). */
    long backfill() {
        syncState.clear();
        return pull();
    }

    private long pull(EspoCrmClient client, String entityType) {
        String cursorAttribute = entityType.equals("CampaignLogRecord") ? "createdAt" : "modifiedAt";
        LocalDateTime cursor = syncState.cursor(entityType).orElse(null);
        LocalDateTime attempt = now();
        long changed = 0;
        try {
            int offset = 0;
            while (true) {
                List<Map<String, Object>> where = new ArrayList<>();
                if (cursor != null) {
                    where.add(Map.of("type", "greaterThanOrEquals", "attribute", cursorAttribute,
                            "value", CrmStore.ESPO_DATETIME.format(cursor)));
                }
                EspoCrmClient.ListResult page = client.list(entityType, where, cursorAttribute, "asc", offset,
                        EspoCrmClient.PAGE, false);
                LocalDateTime max = cursor;
                for (Map<String, Object> record : page.list()) {
                    CrmStore.Outcome outcome = store.upsertReplica(entityType, EspoWriter.incoming(record));
                    if (outcome != CrmStore.Outcome.UNCHANGED) {
                        changed++;
                        publish(entityType, record.get("id").toString(), outcome);
                    }
                    Object at = record.get(cursorAttribute);
                    if (at != null) {
                        LocalDateTime t = CrmStore.parseDateTime(at);
                        max = max == null || t.isAfter(max) ? t : max;
                    }
                }
                syncState.saveProgress(entityType, max, page.list().size());
                if (page.list().size() < EspoCrmClient.PAGE) {
                    break;
                }
                offset += page.list().size();
            }
            syncState.saveOutcome(entityType, attempt, null);
        } catch (CrmAccessException e) {
            // the API user may not see every entity type (e.g. Email): record it and keep the others in sync
            syncState.saveOutcome(entityType, attempt, e.message());
        } catch (CrmException e) {
            syncState.saveOutcome(entityType, attempt, e.message());
            throw e;
        }
        return changed;
    }

    /** Applies one webhook batch for the current tenant; returns the number of records changed locally. */
    int applyWebhook(String event, List<Object> batch) {
        String[] parts = event.split("\\.");
        String entityType = parts[0];
        String action = parts.length > 1 ? parts[1] : "update";
        if (!CrmStore.supports(entityType)) {
            throw new CrmValidationException(Message.of("crm.sync.entity.unsupported", entityType));
        }
        int changed = 0;
        for (Object item : batch) {
            Map<String, Object> record = EspoCrmClient.asMap(item);
            Object id = record.get("id");
            if (id == null || !CrmIds.isValid(id.toString())) {
                continue;
            }
            if (action.equals("delete")) {
                if (store.softDelete(entityType, id.toString())) {
                    changed++;
                    publish(entityType, id.toString(), CrmStore.Outcome.DELETED);
                }
                continue;
            }
            CrmStore.Outcome outcome = store.upsertReplica(entityType, EspoWriter.incoming(record));
            if (outcome != CrmStore.Outcome.UNCHANGED) {
                changed++;
                publish(entityType, id.toString(), outcome);
            }
        }
        return changed;
    }

    List<CrmSyncStatus> status() {
        return syncState.all(now());
    }

    /**
     * Incremental pull of every EspoCRM tenant, each in its own tenant context: the cluster-wide job of
     * {@link CrmConfiguration}, run on one node at a time.
     */
    void pullAll() {
        for (Tenant tenant : tenants.allForSystemJobs()) {
            if (tenant.crmMode() != CrmMode.ESPOCRM) {
                continue;
            }
            try {
                context.runAs(tenant, () -> {
                    if (connections.settings().isPresent()) {
                        pull();
                    }
                });
            } catch (RuntimeException e) {
                log.warn("CRM sync of tenant {} failed, will retry: {}", tenant.slug(), e.getMessage());
            }
        }
    }

    private void publish(String entityType, String id, CrmStore.Outcome outcome) {
        String change = switch (outcome) {
            case CREATED -> "created";
            case DELETED -> "deleted";
            default -> "updated";
        };
        events.publishEvent(CrmEvents.of(context.current(), new EntityRef(entityType, id), change, "espocrm", clock.instant()));
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).withNano(0);
    }
}
