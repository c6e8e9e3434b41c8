package fr.macrea.max.ui.crm;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import fr.macrea.max.crm.CrmConnectionService;
import fr.macrea.max.crm.CrmSyncStatus;
import fr.macrea.max.tenant.CrmMode;
import fr.macrea.max.tenant.TenantService;
import fr.macrea.max.ui.base.Messages;

import java.util.List;

/** Where the CRM tab's data comes from: the embedded CRM, or EspoCRM with each entity's sync lag or error. */
class CrmSyncStatusBox extends Div {

    CrmSyncStatusBox(TenantService tenants, CrmConnectionService connections) {
        setId("crm-sync");
        addClassName("crm-sync");
        if (tenants.current().crmMode() != CrmMode.ESPOCRM) {
            add(new Span(getTranslation("crm.sync.embedded")));
            return;
        }
        List<CrmSyncStatus> states = connections.syncStatus();
        if (states.isEmpty()) {
            add(new Span(getTranslation("crm.sync.never")));
        }
        for (CrmSyncStatus s : states) {
            String text = s.healthy()
                    ? getTranslation("crm.sync.ok", s.entityType(), s.lag() == null ? "?" : s.lag().toMinutes(), s.recordsSynced())
                    : getTranslation("crm.sync.error", s.entityType(), Messages.text(this, s.lastError()));
            Span line = new Span(text);
            line.addClassName(s.healthy() ? "crm-sync-ok" : "crm-sync-error");
            add(line);
        }
    }
}
