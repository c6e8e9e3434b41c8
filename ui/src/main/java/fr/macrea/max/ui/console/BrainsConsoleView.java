package fr.macrea.max.ui.console;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import fr.macrea.max.brain.BrainActivationService;
import fr.macrea.max.brain.BrainManager;
import fr.macrea.max.brain.BrainState;
import fr.macrea.max.brain.BrainStatus;
import fr.macrea.max.security.Role;
import fr.macrea.max.tenant.Tenant;
import fr.macrea.max.ui.base.Messages;
import jakarta.annotation.security.RolesAllowed;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Platform console, brain plugins: every jar of the brains folder with its id, version, state (loaded, refused with
 * the reason, disabled) and the tenants that use it; re-read the folder, disable or re-enable a brain. A warning says
 * so when unsigned brains are accepted ({@code max.brains.trust.allow-unsigned}, the embedded default only).
 */
@Route("console/brains")
@Menu(order = 91, title = "nav.console.brains")
@RolesAllowed(Role.PLATFORM_ADMIN)
public class BrainsConsoleView extends VerticalLayout implements HasDynamicTitle {

    private final transient BrainManager brains;
    private final transient BrainActivationService activations;
    private final Grid<BrainStatus> grid = new Grid<>();
    private final Paragraph folder = new Paragraph();
    private transient Map<String, List<Tenant>> usage = Map.of();

    public BrainsConsoleView(BrainManager brains, BrainActivationService activations) {
        this.brains = brains;
        this.activations = activations;
        addClassName("console-view");
        grid.setId("brains-grid");
        grid.addColumn(BrainStatus::id).setHeader(getTranslation("console.brains.id")).setAutoWidth(true);
        grid.addColumn(BrainStatus::name).setHeader(getTranslation("console.brains.name")).setAutoWidth(true);
        grid.addColumn(BrainStatus::version).setHeader(getTranslation("console.brains.version")).setAutoWidth(true);
        grid.addComponentColumn(this::state).setHeader(getTranslation("console.brains.state")).setAutoWidth(true);
        grid.addColumn(this::reason).setHeader(getTranslation("console.brains.reason")).setFlexGrow(3);
        grid.addColumn(s -> usage.getOrDefault(s.id(), List.of()).stream().map(Tenant::name)
                        .collect(Collectors.joining(", ")))
                .setHeader(getTranslation("console.brains.tenants")).setFlexGrow(2);
        grid.addColumn(BrainStatus::file).setHeader(getTranslation("console.brains.file")).setAutoWidth(true);
        grid.addComponentColumn(this::actions).setKey("actions").setAutoWidth(true);
        grid.setAllRowsVisible(true);

        Button rescan = new Button(getTranslation("console.brains.rescan"), e -> {
            brains.rescan();
            refresh();
            Notification.show(getTranslation("console.brains.rescanned"));
        });
        rescan.setId("rescan-brains");
        folder.addClassName("brains-folder");
        add(new H2(getTranslation("console.brains")));
        if (brains.allowsUnsignedBrains()) {
            // the embedded default runs brains nobody signed: an operator must not mistake it for production
            Paragraph unsigned = new Paragraph(getTranslation("console.brains.unsigned-allowed"));
            unsigned.setId("brains-unsigned-warning");
            unsigned.addClassName("brains-unsigned-warning");
            add(unsigned);
        }
        add(folder, rescan, grid);
        refresh();
    }

    private Span state(BrainStatus status) {
        Span badge = new Span(getTranslation("console.brains.state." + status.state().name()));
        badge.addClassName("badge");
        badge.addClassName("brain-state-" + status.state().name().toLowerCase(Locale.ROOT));
        return badge;
    }

    private String reason(BrainStatus status) {
        return status.reason() == null ? "" : Messages.text(this, status.reason());
    }

    private HorizontalLayout actions(BrainStatus status) {
        HorizontalLayout box = new HorizontalLayout();
        if (status.state() == BrainState.LOADED) {
            Button disable = new Button(getTranslation("console.brains.disable"), e -> {
                brains.disable(status.id());
                refresh();
            });
            disable.setId("disable-brain-" + status.id());
            disable.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
            box.add(disable);
        } else if (status.state() == BrainState.DISABLED) {
            Button enable = new Button(getTranslation("console.brains.enable"), e -> {
                brains.enable(status.id());
                refresh();
            });
            enable.setId("enable-brain-" + status.id());
            enable.addThemeVariants(ButtonVariant.LUMO_SMALL);
            box.add(enable);
        }
        return box;
    }

    private void refresh() {
        usage = activations.usage();
        List<BrainStatus> statuses = brains.statuses();
        folder.setText(getTranslation("console.brains.summary", statuses.stream()
                .filter(s -> s.state() == BrainState.LOADED).count(), statuses.stream()
                .filter(s -> s.state() == BrainState.REFUSED).count()));
        grid.setItems(statuses);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.console.brains") + " — M.A.X.";
    }
}
