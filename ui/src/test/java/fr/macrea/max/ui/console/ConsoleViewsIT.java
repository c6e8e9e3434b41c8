package fr.macrea.max.ui.console;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.QueryParameters;
import fr.macrea.max.brain.BrainActivationService;
import fr.macrea.max.brain.BrainJars;
import fr.macrea.max.brain.BrainManager;
import fr.macrea.max.brain.BrainStatus;
import fr.macrea.max.brain.LoadedBrain;
import fr.macrea.max.brain.TenantBrain;
import fr.macrea.max.security.Role;
import fr.macrea.max.security.SystemAuthentication;
import fr.macrea.max.tenant.Plan;
import fr.macrea.max.tenant.Tenant;
import fr.macrea.max.security.TenantContext;
import fr.macrea.max.tenant.TenantService;
import fr.macrea.max.wallet.WalletService;
import com.vaadin.flow.component.textfield.TextField;
import fr.macrea.max.testing.TestTenants;
import fr.macrea.max.ui.KaribuIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;

/** The platform console's brain screens, driven as a platform admin would, on jars built for the test. */
class ConsoleViewsIT extends KaribuIT {

    static final Path BRAINS = folder();

    static Path folder() {
        try {
            Path dir = Files.createTempDirectory("ui-brains");
            BrainJars.good(dir, "standard", "1.0.0");
            BrainJars.good(dir, "logistique", "1.0.0");
            BrainJars.corrupt(dir, "brain-casse-1.0.0.jar");
            BrainJars.brain(dir, "brain-champs-1.0.0.jar", "champs", "1.0.0", BrainJars.REQUIRES,
                    BrainJars.Kind.BAD_FIELD_NAME);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void brains(DynamicPropertyRegistry registry) {
        registry.add("max.brains.dir", BRAINS::toString);
        registry.add("max.brains.watch", () -> "false");
    }

    @Autowired
    TenantService tenants;
    @Autowired
    TenantContext tenantContext;
    @Autowired
    WalletService wallets;
    @Autowired
    BrainActivationService activations;
    @Autowired
    BrainManager manager;

    @SuppressWarnings("unchecked")
    private static <T> Grid<T> grid(String id) {
        return _get(Grid.class, s -> s.withId(id));
    }

    private static <T> List<List<String>> rows(Grid<T> grid) {
        int size = (int) grid.getGenericDataView().getItems().count();
        return IntStream.range(0, size).mapToObj(i -> GridKt._getFormattedRow(grid, i)).toList();
    }

    @Test
    void the_brains_console_lists_loaded_and_refused_jars_with_their_reasons() {
        signInPlatformAdmin();
        UI.getCurrent().navigate(BrainsConsoleView.class);
        Grid<BrainStatus> grid = grid("brains-grid");
        List<List<String>> rows = rows(grid);
        assertThat(rows).anySatisfy(r -> assertThat(r).contains("logistique", "Cerveau logistique", "1.0.0", "brain-logistique-1.0.0.jar"));
        assertThat(rows).anySatisfy(r -> assertThat(String.join("|", r)).contains("brain-casse-1.0.0.jar", "archive illisible"));
        assertThat(rows).anySatisfy(r -> assertThat(String.join("|", r)).contains("champs", "nom de champ illégal « poids colis »"));
        assertThat(grid.getGenericDataView().getItems().map(s -> s.id() + "=" + s.state()))
                .contains("logistique=LOADED", "standard=LOADED", "champs=REFUSED");
        assertThat(_get(Paragraph.class, s -> s.withClasses("brains-folder")).getText()).startsWith("2 cerveau(x) chargé(s), 2 refusé(s)");

        UI.getCurrent().setLocale(java.util.Locale.ENGLISH);
        UI.getCurrent().navigate(TenantsConsoleView.class);
        UI.getCurrent().navigate(BrainsConsoleView.class);
        assertThat(rows(grid("brains-grid"))).as("an English admin reads the reasons in English")
                .anySatisfy(r -> assertThat(String.join("|", r)).contains("brain-casse-1.0.0.jar", "unreadable archive"))
                .anySatisfy(r -> assertThat(String.join("|", r)).contains("champs", "illegal field name 'poids colis'"));
    }

    @Test
    void the_brains_console_warns_when_unsigned_brains_are_accepted_and_not_otherwise() throws IOException {
        signInPlatformAdmin();
        assertThat(manager.allowsUnsignedBrains()).as("the embedded default of application.properties").isTrue();
        UI.getCurrent().navigate(BrainsConsoleView.class);
        assertThat(_get(Paragraph.class, s -> s.withId("brains-unsigned-warning")).getText())
                .startsWith("Attention : les cerveaux non signés sont acceptés");
        UI.getCurrent().setLocale(java.util.Locale.ENGLISH);
        UI.getCurrent().navigate(TenantsConsoleView.class);
        UI.getCurrent().navigate(BrainsConsoleView.class);
        assertThat(_get(Paragraph.class, s -> s.withId("brains-unsigned-warning")).getText())
                .startsWith("Warning: unsigned brains are accepted");

        BrainManager production = fr.macrea.max.brain.BrainHosts.manager(Files.createTempDirectory("ui-prod-brains"));
        try {
            assertThat(production.allowsUnsignedBrains()).isFalse();
            BrainsConsoleView view = new BrainsConsoleView(production, activations);
            assertThat(view.getChildren().filter(c -> c.getId().orElse("").equals("brains-unsigned-warning"))).isEmpty();
        } finally {
            production.shutdown();
        }
    }

    @Test
    void a_jar_dropped_while_the_console_is_open_appears_after_a_rescan() throws IOException {
        signInPlatformAdmin();
        UI.getCurrent().navigate(BrainsConsoleView.class);
        Path dropped = BrainJars.good(BRAINS, "coaching", "1.0.0");
        try {
            _click(_get(Button.class, s -> s.withId("rescan-brains")));
            Grid<BrainStatus> grid = grid("brains-grid");
            assertThat(grid.getGenericDataView().getItems().map(BrainStatus::id)).contains("coaching");
        } finally {
            Files.delete(dropped);
            manager.rescan();
        }
    }

    @Test
    void disabling_a_brain_in_the_console_hides_it_from_its_tenants_at_once() {
        Tenant tenant = TestTenants.create(tenants, "Transport Désactivé", Plan.PRO);
        SystemAuthentication.asPlatform(() -> {
            activations.activate(tenant.id(), "logistique");
            return null;
        });
        assertThat(activeOf(tenant)).extracting(LoadedBrain::id).containsExactly("logistique");
        signInPlatformAdmin();
        UI.getCurrent().navigate(BrainsConsoleView.class);
        try {
            _click((Button) GridKt._getCellComponent(grid("brains-grid"), rowOf("logistique"), "actions").getChildren()
                    .findFirst().orElseThrow());
            assertThat(grid("brains-grid").getGenericDataView().getItems().map(s -> ((BrainStatus) s).id() + "=" + ((BrainStatus) s).state()))
                    .contains("logistique=DISABLED");
            assertThat(activeOf(tenant)).isEmpty();

            _click((Button) GridKt._getCellComponent(grid("brains-grid"), rowOf("logistique"), "actions").getChildren()
                    .findFirst().orElseThrow());
            assertThat(activeOf(tenant)).extracting(LoadedBrain::id).containsExactly("logistique");
        } finally {
            SystemAuthentication.asPlatform(() -> {
                manager.enable("logistique");
                return null;
            });
        }
    }

    private int rowOf(String brainId) {
        List<BrainStatus> items = this.<BrainStatus>grid("brains-grid").getGenericDataView().getItems().toList();
        return IntStream.range(0, items.size()).filter(i -> items.get(i).id().equals(brainId)).findFirst().orElseThrow();
    }

    @Test
    void a_tenant_admin_cannot_open_the_brains_console() {
        Tenant tenant = TestTenants.create(tenants, "Curieux", Plan.STUDIO);
        signIn(TestTenants.member(tenant, Role.TENANT_ADMIN));
        UI.getCurrent().navigate(BrainsConsoleView.class);
        _assertNone(BrainsConsoleView.class);
        _get(fr.macrea.max.ui.error.AccessDeniedView.class); // the product's page, not the console

    }

    @Test
    void the_tenants_console_activates_brains_within_the_plan_and_explains_refusals() {
        Tenant tenant = TestTenants.create(tenants, "Atelier Console", Plan.STANDARD);
        signInPlatformAdmin();
        UI.getCurrent().navigate(TenantsConsoleView.class);
        Grid<Tenant> grid = grid("tenants-grid");
        grid.select(grid.getGenericDataView().getItems().filter(t -> t.id().equals(tenant.id())).findFirst().orElseThrow());

        _click(_get(Button.class, s -> s.withId("toggle-brain-logistique")));
        expectNotifications("Le cerveau métier « logistique » demande le plan Pro ou Studio, ou l'option « Fiche métier » : "
                + "le tenant « Atelier Console » est en plan Standard sans cette option.");
        _click(_get(Button.class, s -> s.withId("toggle-brain-standard")));
        assertThat(brainsOf(tenant)).extracting(b -> b.id() + "=" + b.active()).contains("standard=true", "logistique=false");

        @SuppressWarnings("unchecked")
        Select<Plan> plan = _get(Select.class, s -> s.withId("edit-tenant-plan"));
        plan.setValue(Plan.PRO);
        _click(_get(Button.class, s -> s.withId("save-tenant-plan")));
        _click(_get(Button.class, s -> s.withId("toggle-brain-logistique")));
        assertThat(brainsOf(tenant)).extracting(b -> b.id() + "=" + b.active()).contains("standard=true", "logistique=true");
        assertThat(_get(com.vaadin.flow.component.html.Span.class, s -> s.withClasses("tenant-brain-active")
                .withPredicate(span -> span.getParent().flatMap(p -> p.getId()).orElse("").equals("tenant-brain-logistique")))
                .getText()).isEqualTo("Actif");

        _click(_get(Button.class, s -> s.withId("toggle-brain-logistique")));
        assertThat(brainsOf(tenant)).extracting(b -> b.id() + "=" + b.active()).contains("logistique=false");
    }

    @Test
    void the_tenants_console_tops_up_one_tenants_wallet_with_packs_and_refuses_bad_amounts() {
        Tenant topped = TestTenants.create(tenants, "Recharge A", Plan.PRO);
        Tenant other = TestTenants.create(tenants, "Recharge B", Plan.PRO);
        int before = tenantContext.callAs(topped, () -> wallets.balance().total());
        int otherBefore = tenantContext.callAs(other, () -> wallets.balance().total());
        signInPlatformAdmin();
        UI.getCurrent().navigate(TenantsConsoleView.class);
        Grid<Tenant> grid = grid("tenants-grid");
        grid.select(grid.getGenericDataView().getItems().filter(t -> t.id().equals(topped.id())).findFirst().orElseThrow());

        _get(TextField.class, s -> s.withId("top-up-packs")).setValue("2");
        _click(_get(Button.class, s -> s.withId("top-up")));
        _click(_get(Button.class, s -> s.withId("top-up-confirm")));

        expectNotifications("Wallet de « Recharge A » rechargé : "
                + java.text.NumberFormat.getIntegerInstance(java.util.Locale.FRENCH).format(before + 1000).replace('\u202f', ' ') + " jetons disponibles.");
        assertThat(tenantContext.callAs(topped, () -> wallets.balance().packLeft())).isEqualTo(1000);
        assertThat(tenantContext.callAs(other, () -> wallets.balance().total())).isEqualTo(otherBefore);

        _get(TextField.class, s -> s.withId("top-up-packs")).setValue("0");
        _click(_get(Button.class, s -> s.withId("top-up")));
        expectNotifications("Le nombre de packs doit être compris entre 1 et 20.");
        assertThat(tenantContext.callAs(topped, () -> wallets.balance().packLeft())).isEqualTo(1000);
    }

    @Test
    void the_contributions_view_shows_what_the_tenant_gets_from_its_active_brains_only() {
        Tenant a = TestTenants.create(tenants, "Fret A", Plan.PRO);
        Tenant b = TestTenants.create(tenants, "Fret B", Plan.PRO);
        SystemAuthentication.asPlatform(() -> {
            activations.activate(a.id(), "logistique");
            activations.activate(b.id(), "standard");
            return null;
        });
        signInPlatformAdmin();
        UI.getCurrent().navigate(BrainContributionsView.class, QueryParameters.of("tenant", a.slug()));
        assertThat(_get(Paragraph.class, s -> s.withId("contributions-summary")).getText())
                .isEqualTo("Cerveaux actifs : Cerveau logistique 1.0.0");
        assertThat(rows(grid("contributions-templates"))).singleElement()
                .satisfies(r -> assertThat(r).contains("Cerveau logistique", "Devis logistique", "E-mail", "Votre devis {Lead.firstName}"));
        assertThat(rows(grid("contributions-scenarios"))).singleElement()
                .satisfies(r -> assertThat(r).contains("Relance", "AUTO_FOLLOW_UP", "ASSISTE"));
        assertThat(rows(grid("contributions-kpis"))).hasSize(1);
        assertThat(rows(grid("contributions-fields"))).singleElement()
                .satisfies(r -> assertThat(r).contains("Lead", "cPoidsKg", "float", "Poids (kg)", "Exécution du contrat"));

        @SuppressWarnings("unchecked")
        Select<Tenant> select = _get(Select.class, s -> s.withId("contributions-tenant"));
        select.setValue(select.getListDataView().getItems().filter(t -> t.id().equals(b.id())).findFirst().orElseThrow());
        assertThat(rows(grid("contributions-templates"))).singleElement()
                .satisfies(r -> assertThat(r).contains("Devis standard"));
        assertThat(rows(grid("contributions-fields"))).as("the universal test brain has a field plan too, B sees only its own")
                .allSatisfy(r -> assertThat(r).contains("Cerveau standard"));
    }

    private List<TenantBrain> brainsOf(Tenant tenant) {
        return SystemAuthentication.asPlatform(() -> activations.brainsOf(tenant.id()));
    }

    private List<LoadedBrain> activeOf(Tenant tenant) {
        return SystemAuthentication.asPlatform(() -> activations.activeFor(tenant.id()));
    }
}
