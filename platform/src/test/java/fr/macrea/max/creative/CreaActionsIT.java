package fr.macrea.max.creative;

import fr.macrea.max.action.ActionOutcome;
import fr.macrea.max.action.ActionRefusedException;
import fr.macrea.max.action.ActionRequest;
import fr.macrea.max.action.ActionService;
import fr.macrea.max.action.ActionStatus;
import fr.macrea.max.action.Draft;
import fr.macrea.max.action.Mode;
import fr.macrea.max.action.ModeService;
import fr.macrea.max.action.UndoResult;
import fr.macrea.max.action.UndoService;
import fr.macrea.max.crm.CrmGateway;
import fr.macrea.max.crm.EmailTemplate;
import fr.macrea.max.crm.EntityRef;
import fr.macrea.max.plugins.api.Channel;
import fr.macrea.max.security.Role;
import fr.macrea.max.shared.FrenchMessages;
import fr.macrea.max.shared.LocalizedException;
import fr.macrea.max.tenant.Plan;
import fr.macrea.max.tenant.Tenant;
import fr.macrea.max.tenant.TenantService;
import fr.macrea.max.testing.PlatformIT;
import fr.macrea.max.testing.TestTenants;
import fr.macrea.max.wallet.DefaultPrices;
import fr.macrea.max.wallet.WalletService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The two save actions through the one action pipeline, on MariaDB and the embedded CRM: modes, drafts, the image
 * slot rule at validation, the price charged once per idempotency key, and undo removing the template.
 */
class CreaActionsIT extends PlatformIT {

    @Autowired
    TenantService tenants;
    @Autowired
    ActionService actions;
    @Autowired
    UndoService undo;
    @Autowired
    ModeService modes;
    @Autowired
    WalletService wallet;
    @Autowired
    CrmGateway crm;
    @Autowired
    CreativeService creative;

    Tenant tenant;
    fr.macrea.max.security.MaxPrincipal admin;

    @BeforeEach
    void proTenant() {
        tenant = TestTenants.create(tenants, "Crea actions", Plan.PRO);
        admin = TestTenants.signInAs(tenant, Role.TENANT_ADMIN);
    }

    @AfterEach
    void signOut() {
        TestTenants.signOut();
    }

    static String french(Throwable e) {
        return FrenchMessages.render(((LocalizedException) e).message());
    }

    CreaContent newsletter(String name, String body) {
        return new CreaContent(Channel.NEWSLETTER, name, "Nouveau : {Lead.firstName}", body, "max:annonce-produit");
    }

    List<EmailTemplate> templates() {
        return crm.emailTemplates();
    }

    @Test
    void conseilRefusesAndNothingIsChargedNorSaved() {
        modes.set(Mode.CONSEIL);
        int before = wallet.balance().total();
        assertThatThrownBy(() -> actions.run(ActionRequest.of(DefaultPrices.NEWSLETTER,
                newsletter("Conseil", "<p>Bonjour</p>"), "k-conseil").withDoubleConfirmation()))
                .isInstanceOf(ActionRefusedException.class).satisfies(e -> assertThat(french(e)).contains("Conseil"));
        assertThat(templates()).isEmpty();
        assertThat(wallet.balance().total()).isEqualTo(before);
    }

    @Test
    void assisteMakesADraftThatAnUnfilledSlotKeepsInTheInboxUntilRejected() {
        modes.set(Mode.ASSISTE);
        int before = wallet.balance().total();
        ActionOutcome<Object> outcome = actions.run(ActionRequest.of(DefaultPrices.NEWSLETTER,
                newsletter("Soldes", "<p>Bonjour</p><p>[Votre image ici]</p>"), "k-draft-slot"));
        assertThat(outcome.status()).isEqualTo(ActionStatus.DRAFTED);
        assertThat(templates()).as("nothing in the CRM until validated").isEmpty();
        Draft draft = actions.drafts().getFirst();
        assertThatThrownBy(() -> actions.validateDraft(draft.id()))
                .isInstanceOf(ActionRefusedException.class)
                .satisfies(e -> assertThat(french(e)).contains("1 emplacement(s) d'image « [Votre image ici] » à remplir"));
        assertThat(actions.drafts()).extracting(Draft::id).containsExactly(draft.id());
        assertThat(templates()).isEmpty();
        assertThat(wallet.balance().total()).isEqualTo(before);
        actions.rejectDraft(draft.id());
        assertThat(actions.drafts()).isEmpty();
    }

    @Test
    void aValidatedDraftIsSavedSanitisedAndChargedTenOnce() {
        modes.set(Mode.ASSISTE);
        int before = wallet.balance().total();
        actions.run(ActionRequest.of(DefaultPrices.NEWSLETTER,
                newsletter("Printemps", "<p onclick=\"x()\">Bonjour {Lead.firstName}</p><script>alert(1)</script>"), "k-draft-ok"));
        long draftId = actions.drafts().getFirst().id();
        ActionOutcome<Object> validated = actions.validateDraft(draftId);
        assertThat(validated.status()).isEqualTo(ActionStatus.COMPLETED);
        assertThat(validated.cost()).isEqualTo(10);
        EmailTemplate saved = templates().getFirst();
        assertThat(saved.name()).isEqualTo("Printemps");
        assertThat(saved.isHtml()).isTrue();
        assertThat(saved.body()).isEqualTo("<p>Bonjour {Lead.firstName}</p>");
        assertThat(wallet.balance().total()).isEqualTo(before - 10);
    }

    @Test
    void autoSavesAfterTheSecondConfirmationAndAReplayIsChargedOnce() {
        modes.set(Mode.AUTO);
        int before = wallet.balance().total();
        ActionRequest<CreaContent> request = ActionRequest.of(DefaultPrices.NEWSLETTER,
                newsletter("Auto", "<p>Bonjour {Lead.firstName}</p>"), "k-auto");
        ActionOutcome<Object> first = actions.run(request.withDoubleConfirmation());
        ActionOutcome<Object> replay = actions.run(request.withDoubleConfirmation());
        assertThat(first.status()).isEqualTo(ActionStatus.COMPLETED);
        assertThat(replay.replayed()).isTrue();
        assertThat(templates()).hasSize(1);
        assertThat(wallet.balance().total()).isEqualTo(before - 10);
        CreaSaved saved = (CreaSaved) first.result();
        assertThat(saved.templateId()).isEqualTo(templates().getFirst().id());
    }

    @Test
    void concurrentConfirmationsOfOneIntentSaveAndChargeOnce() throws Exception {
        modes.set(Mode.AUTO);
        int before = wallet.balance().total();
        var principal = admin; // the same user (and so the same Auto mode) confirming from four tabs
        ActionRequest<CreaContent> request = ActionRequest.of(DefaultPrices.WHATSAPP,
                new CreaContent(Channel.WHATSAPP, "Merci", "", "Merci {Lead.firstName} !", null), "k-race")
                .withDoubleConfirmation();
        Callable<ActionStatus> run = () -> {
            TestTenants.signIn(principal);
            try {
                return actions.run(request).status();
            } catch (RuntimeException e) {
                return ActionStatus.REFUSED;
            } finally {
                TestTenants.signOut();
            }
        };
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<ActionStatus>> all = pool.invokeAll(List.of(run, run, run, run));
            for (Future<ActionStatus> f : all) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(templates()).hasSize(1);
        assertThat(wallet.balance().total()).isEqualTo(before - 5);
        assertThat(actions.log(10)).filteredOn(e -> e.status() == ActionStatus.COMPLETED).hasSize(1);
    }

    @Test
    void autoRefusesAnUnfilledSlotBeforeChargingAndWhatsappRefusesHtml() {
        modes.set(Mode.AUTO);
        int before = wallet.balance().total();
        assertThatThrownBy(() -> actions.run(ActionRequest.of(DefaultPrices.NEWSLETTER,
                newsletter("Slot", "<p>[Votre image ici]</p>"), "k-auto-slot").withDoubleConfirmation()))
                .satisfies(e -> assertThat(french(e)).contains("emplacement(s) d'image"));
        assertThatThrownBy(() -> actions.run(ActionRequest.of(DefaultPrices.WHATSAPP,
                new CreaContent(Channel.WHATSAPP, "Html", "", "<b>Merci</b>", null), "k-wa-html").withDoubleConfirmation()))
                .satisfies(e -> assertThat(french(e)).contains("texte seul"));
        assertThatThrownBy(() -> actions.run(ActionRequest.of(DefaultPrices.NEWSLETTER,
                newsletter("Champ", "<p>{Lead.prenom} {Account.name}</p>"), "k-unknown").withDoubleConfirmation()))
                .satisfies(e -> assertThat(french(e)).contains("{Lead.prenom}").contains("{Account.name}"));
        // a WhatsApp message is not a newsletter: each action takes its own channels only
        assertThatThrownBy(() -> actions.run(ActionRequest.of(DefaultPrices.NEWSLETTER,
                new CreaContent(Channel.SMS, "Sms", "", "Bonjour", null), "k-channel").withDoubleConfirmation()))
                .isInstanceOf(ActionRefusedException.class);
        assertThat(templates()).isEmpty();
        assertThat(wallet.balance().total()).isEqualTo(before);
    }

    @Test
    void whatsappCostsFiveAndUndoRemovesTheTemplateAndRefunds() {
        modes.set(Mode.AUTO);
        int before = wallet.balance().total();
        ActionOutcome<Object> done = actions.run(ActionRequest.of(DefaultPrices.WHATSAPP,
                new CreaContent(Channel.SMS, "Rappel RDV", "", "Bonjour {Lead.firstName}, RDV confirmé.", null), "k-sms")
                .withDoubleConfirmation());
        assertThat(done.cost()).isEqualTo(5);
        EmailTemplate saved = templates().getFirst();
        assertThat(saved.isHtml()).isFalse();
        assertThat(saved.body()).isEqualTo("Bonjour {Lead.firstName}, RDV confirmé.");
        UndoResult undone = undo.undo(done.actionLogId(), false);
        assertThat(undone.outcome()).isEqualTo(UndoResult.Outcome.UNDONE);
        assertThat(templates()).isEmpty();
        assertThat(wallet.balance().total()).isEqualTo(before);
    }

    @Test
    void undoOfAnEditedTemplateAsksFirst() {
        modes.set(Mode.AUTO);
        ActionOutcome<Object> done = actions.run(ActionRequest.of(DefaultPrices.NEWSLETTER,
                newsletter("Edité", "<p>Bonjour</p>"), "k-edited").withDoubleConfirmation());
        String id = ((CreaSaved) done.result()).templateId();
        crm.update(new EntityRef("EmailTemplate", id), Map.of("body", "<p>Bonjour, modifié à la main</p>"));
        UndoResult asked = undo.undo(done.actionLogId(), false);
        assertThat(asked.outcome()).isEqualTo(UndoResult.Outcome.NEEDS_OVERWRITE_CONFIRMATION);
        assertThat(templates()).hasSize(1);
        assertThat(undo.undo(done.actionLogId(), true).outcome()).isEqualTo(UndoResult.Outcome.UNDONE);
        assertThat(templates()).isEmpty();
    }

    @Test
    void aStandardTenantMayWriteWhatsappButNotANewsletter() {
        Tenant standard = TestTenants.create(tenants, "Crea standard", Plan.STANDARD);
        TestTenants.signInAs(standard, Role.TENANT_ADMIN);
        modes.set(Mode.ASSISTE);
        assertThat(actions.quote(DefaultPrices.NEWSLETTER).lockedMessage()).isNotNull();
        ActionOutcome<Object> drafted = actions.run(ActionRequest.of(DefaultPrices.WHATSAPP,
                new CreaContent(Channel.WHATSAPP, "Merci", "", "Merci {Lead.firstName} !", null), "k-std"));
        assertThat(drafted.status()).isEqualTo(ActionStatus.DRAFTED);
    }
}
