package fr.macrea.max.action;

import fr.macrea.max.crm.CrmGateway;
import fr.macrea.max.crm.EntityRef;
import fr.macrea.max.crm.RecordWrite;
import fr.macrea.max.security.TenantContext;
import fr.macrea.max.shared.FrenchMessages;
import fr.macrea.max.shared.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What an action leaves outside our tables, shared by the pipeline (run, rollback on failure) and undo: the CRM
 * port, the restoring of before-images, the note on the record's stream and the tenant event.
 */
@Component
class ActionEffects {

    private static final Logger log = LoggerFactory.getLogger(ActionEffects.class);

    private final ObjectProvider<CrmGateway> crm;
    private final TenantContext context;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ActionEffects(ObjectProvider<CrmGateway> crm, TenantContext context, ApplicationEventPublisher events, Clock clock) {
        this.crm = crm;
        this.context = context;
        this.events = events;
        this.clock = clock;
    }

    CrmGateway crm() {
        CrmGateway gateway = crm.getIfAvailable();
        if (gateway == null) {
            throw new ActionRefusedException(Message.of("action.crm-unavailable"));
        }
        return gateway;
    }

    /** Puts back the before-images, last write first; the records that could not be restored, or none. */
    List<String> rollback(List<RecordWrite> writes) {
        List<RecordWrite> reversed = new ArrayList<>(writes);
        Collections.reverse(reversed);
        List<String> failed = new ArrayList<>();
        for (RecordWrite write : reversed) {
            try {
                crm().update(write.ref(), new HashMap<>(write.before()));
            } catch (RuntimeException e) {
                log.warn("could not restore {} {}", write.ref(), e.getMessage());
                failed.add(write.ref().entityType() + " " + write.ref().id());
            }
        }
        return failed;
    }

    /**
     * A note on the record's stream. CRM notes are CRM data, read in EspoCRM by the tenant's team: they are written
     * in French, the CRM's language, not as message keys.
     */
    void note(EntityRef target, String text) {
        if (target == null) {
            return;
        }
        try {
            crm().addNote(target, text);
        } catch (RuntimeException e) {
            // the action itself is done and logged on our side; a missing CRM note must not undo it
            log.warn("could not post the action note on {}: {}", target, e.getMessage());
        }
    }

    /** The note of a message, written in French (the CRM's language, see above). */
    void note(EntityRef target, Message text) {
        note(target, FrenchMessages.render(text));
    }

    /** The tenant event of a message: the UI renders it in the user's language, SSE clients read it in French. */
    void publish(String type, Message message, long logId, ActionDefinition<?, ?> definition, int cost) {
        events.publishEvent(ActionEvent.of(context.current(), type, message, clock.instant(),
                data(logId, definition, cost)));
    }

    private static Map<String, Object> data(long logId, ActionDefinition<?, ?> definition, int cost) {
        return Map.of("actionLogId", logId, "actionId", definition.id(), "cost", cost);
    }
}
