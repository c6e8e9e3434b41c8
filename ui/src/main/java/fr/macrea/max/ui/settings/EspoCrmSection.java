package fr.macrea.max.ui.settings;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;
import fr.macrea.max.crm.ConnectionCheck;
import fr.macrea.max.crm.CrmConnectionService;
import fr.macrea.max.crm.CrmException;
import fr.macrea.max.crm.CrmSyncStatus;
import fr.macrea.max.crm.EspoConnectionForm;
import fr.macrea.max.crm.EspoConnectionInfo;
import fr.macrea.max.crm.EspoSettings;
import fr.macrea.max.settings.SecretState;
import fr.macrea.max.tenant.CrmMode;
import fr.macrea.max.tenant.TenantService;
import fr.macrea.max.ui.base.Messages;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * "Connexion EspoCRM": address, API key or HMAC key + secret, "Tester la connexion" (nothing saved), "Enregistrer
 * et connecter" (the tenant switches to EspoCRM and a full copy starts in the background), the sync status per
 * entity (last success, lag, last error) and "Resynchroniser". The page polls while a copy runs.
 */
class EspoCrmSection extends VerticalLayout {

    private final transient CrmConnectionService connections;
    private final transient TenantService tenants;
    private final TextField url = new TextField();
    private final Select<EspoSettings.AuthMode> auth = new Select<>();
    private final Select<EspoSettings.HmacDigest> digest = new Select<>();
    private final SecretField apiKey;
    private final SecretField secret;
    private final Checkbox customPrefix = new Checkbox();
    private final Span result = new Span();
    private final Span summary = new Span();
    private final Paragraph webhook = new Paragraph();
    private final Grid<CrmSyncStatus> grid = new Grid<>();
    private final Button resync = new Button();
    private Registration polling;

    EspoCrmSection(CrmConnectionService connections, TenantService tenants) {
        this.connections = connections;
        this.tenants = tenants;
        setId("settings-espocrm");
        apiKey = new SecretField("espo-api-key", getTranslation("settings.espo.api-key"), false);
        secret = new SecretField("espo-secret", getTranslation("settings.espo.secret"), false);
        add(new H3(getTranslation("settings.espo.title")), new Paragraph(getTranslation("settings.espo.intro")));

        url.setId("espo-url");
        url.setLabel(getTranslation("settings.espo.url"));
        url.setPlaceholder("https://crm.exemple.fr");
        url.setMaxLength(EspoSettings.URL_MAX_LENGTH);
        url.setWidth("32em");
        auth.setId("espo-auth");
        auth.setLabel(getTranslation("settings.espo.auth"));
        auth.setItems(EspoSettings.AuthMode.values());
        auth.setItemLabelGenerator(m -> getTranslation("settings.espo.auth." + m.name()));
        auth.setValue(EspoSettings.AuthMode.API_KEY);
        auth.addValueChangeListener(e -> hmacFields());
        digest.setId("espo-digest");
        digest.setLabel(getTranslation("settings.espo.digest"));
        digest.setItems(EspoSettings.HmacDigest.values());
        digest.setItemLabelGenerator(d -> getTranslation("settings.espo.digest." + d.name()));
        digest.setValue(EspoSettings.HmacDigest.HEX);
        customPrefix.setId("espo-prefix");
        customPrefix.setLabel(getTranslation("settings.espo.prefix"));
        customPrefix.setValue(true);
        add(url, new HorizontalLayout(auth, digest), apiKey, secret, customPrefix);

        Button test = new Button(getTranslation("settings.espo.test"), e -> test());
        test.setId("espo-test");
        Button connect = new Button(getTranslation("settings.espo.connect"), e -> connect());
        connect.setId("espo-connect");
        connect.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        connect.setDisableOnClick(true);
        connect.addClickListener(e -> connect.setEnabled(true));
        result.setId("espo-result");
        add(new HorizontalLayout(test, connect), result, webhook);
        webhook.setId("espo-webhook");

        add(new H3(getTranslation("settings.espo.sync.title")));
        summary.setId("espo-sync-summary");
        resync.setText(getTranslation("settings.espo.resync"));
        resync.setId("espo-resync");
        resync.addClickListener(e -> resync());
        Button refresh = new Button(getTranslation("settings.espo.refresh"), e -> refresh());
        refresh.setId("espo-refresh");
        refresh.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        grid.setId("espo-sync-grid");
        grid.addColumn(CrmSyncStatus::entityType).setHeader(getTranslation("settings.espo.sync.entity")).setAutoWidth(true);
        grid.addColumn(s -> SettingsFormats.dateTime(this, s.lastSuccessAt())).setHeader(getTranslation("settings.espo.sync.last-success")).setAutoWidth(true);
        grid.addColumn(s -> SettingsFormats.lag(this, s.lag())).setHeader(getTranslation("settings.espo.sync.lag")).setAutoWidth(true);
        grid.addColumn(CrmSyncStatus::recordsSynced).setHeader(getTranslation("settings.espo.sync.records")).setAutoWidth(true);
        grid.addColumn(s -> s.healthy() ? "" : Messages.text(this, s.lastError())).setHeader(getTranslation("settings.espo.sync.error")).setFlexGrow(1);
        grid.setAllRowsVisible(true);
        add(summary, new HorizontalLayout(resync, refresh), grid);

        load();
        refresh();
        // leaving the page while a copy runs stops the polling (the next visit shows where the copy is)
        addDetachListener(e -> poll(e.getUI(), false));
    }

    private void load() {
        connections.connection().ifPresentOrElse(this::show, () -> {
            apiKey.show(SecretState.NONE);
            secret.show(SecretState.NONE);
            webhook.setVisible(false);
        });
        hmacFields();
    }

    private void show(EspoConnectionInfo info) {
        url.setValue(info.baseUrl());
        auth.setValue(info.authMode());
        digest.setValue(info.hmacDigest());
        customPrefix.setValue(info.customPrefix());
        apiKey.show(new SecretState(info.savedAt() == null ? Instant.EPOCH : info.savedAt()));
        secret.show(info.secretKeySet() ? new SecretState(info.savedAt() == null ? Instant.EPOCH : info.savedAt()) : SecretState.NONE);
        webhook.setText(getTranslation("settings.espo.webhook", info.webhookPath()));
        webhook.setVisible(info.webhookPath() != null);
    }

    private void hmacFields() {
        boolean hmac = auth.getValue() == EspoSettings.AuthMode.HMAC;
        secret.setVisible(hmac);
        digest.setVisible(hmac);
    }

    private EspoConnectionForm form() {
        return new EspoConnectionForm(url.getValue(), auth.getValue(), digest.getValue(), apiKey.typed(), secret.typed(),
                customPrefix.getValue());
    }

    private void test() {
        clearErrors();
        try {
            ConnectionCheck check = connections.testConnection(form());
            success(check.leads() >= 0 ? getTranslation("settings.espo.test.ok", check.leads())
                    : getTranslation("settings.espo.test.ok-no-count"));
        } catch (CrmException e) {
            refused(e);
        }
    }

    private void connect() {
        clearErrors();
        try {
            connections.connect(form());
            load();
            success(getTranslation("settings.espo.connected"));
            refresh();
        } catch (CrmException e) {
            refused(e);
        }
    }

    private void resync() {
        try {
            boolean started = connections.resync();
            success(getTranslation(started ? "settings.espo.resync.started" : "settings.espo.resync.running"));
            refresh();
        } catch (CrmException e) {
            refused(e);
        }
    }

    /** The sync state; while a copy runs the page polls every two seconds, and stops once it is done. */
    void refresh() {
        boolean espo = tenants.current().crmMode() == CrmMode.ESPOCRM;
        boolean running = connections.syncRunning();
        List<CrmSyncStatus> states = espo ? connections.syncStatus() : List.of();
        grid.setItems(states);
        grid.setVisible(!states.isEmpty());
        resync.setEnabled(espo && !running);
        Instant last = states.stream().map(CrmSyncStatus::lastSuccessAt).filter(Objects::nonNull)
                .max(Comparator.naturalOrder()).orElse(null);
        long errors = states.stream().filter(s -> !s.healthy()).count();
        long records = states.stream().mapToLong(CrmSyncStatus::recordsSynced).sum();
        String text;
        if (!espo) {
            text = getTranslation("settings.espo.sync.embedded");
        } else if (running) {
            text = getTranslation("settings.espo.sync.running", records);
        } else if (last == null && errors == 0) {
            text = getTranslation("settings.espo.sync.never");
        } else {
            text = getTranslation("settings.espo.sync.summary", SettingsFormats.dateTime(this, last), records, errors);
        }
        summary.setText(text);
        summary.getElement().setAttribute("data-running", String.valueOf(running));
        poll(getUI().orElseGet(UI::getCurrent), running);
    }

    private void poll(UI ui, boolean running) {
        if (ui == null) {
            return;
        }
        if (running && polling == null) {
            ui.setPollInterval(2000);
            polling = ui.addPollListener(e -> refresh());
        } else if (!running && polling != null) {
            polling.remove();
            polling = null;
            ui.setPollInterval(-1);
        }
    }

    private void success(String text) {
        result.setText(text);
        result.getElement().getThemeList().clear();
        result.getElement().getThemeList().add("badge success");
    }

    /** A refusal on its field when it names one (address, key, secret), otherwise next to the buttons. */
    private void refused(CrmException e) {
        String text = Messages.text(this, e);
        String key = e.message().key();
        if (key.startsWith("crm.espo.url")) {
            url.setErrorMessage(text);
            url.setInvalid(true);
        } else if (key.equals("crm.espo.api-key.required") || key.equals("crm.espo.secret.too-long")) {
            apiKey.error(text);
        } else if (key.equals("crm.espo.hmac-secret.required")) {
            secret.error(text);
        }
        result.setText(text);
        result.getElement().getThemeList().clear();
        result.getElement().getThemeList().add("badge error");
    }

    private void clearErrors() {
        url.setInvalid(false);
        apiKey.resetError();
        secret.resetError();
        result.setText("");
    }
}
