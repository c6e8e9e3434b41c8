package fr.macrea.max.event;

import fr.macrea.max.shared.TenantId;

import java.time.Instant;
import java.util.Map;

/** A domain event as another feature would publish it. */
record TestEvent(TenantId tenant, String type, String summary, Instant occurredAt, Map<String, Object> data)
        implements TenantEvent {

    static TestEvent of(TenantId tenant, String type, String summary, Map<String, Object> data) {
        return new TestEvent(tenant, type, summary, Instant.parse("2026-11-24T10:15:30.123Z"), data);
    }
}
