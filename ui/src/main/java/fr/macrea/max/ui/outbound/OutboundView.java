package fr.macrea.max.ui.outbound;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import fr.macrea.max.outbound.OutboundService;
import fr.macrea.max.ranking.LeadSearchService;
import fr.macrea.max.outbound.OutboxMessage;
import fr.macrea.max.outbound.SendSummary;
import fr.macrea.max.security.Role;
import fr.macrea.max.ui.action.ActionCards;
import fr.macrea.max.ui.base.Dates;
import fr.macrea.max.ui.base.Messages;
import jakarta.annotation.security.RolesAllowed;

import java.util.stream.Collectors;

/**
 * "Envoi" (Espace Créa, sending side), for tenant admins: the sends with their status counts (sent, pending, failed,
 * skipped by reason), the outbox of a send and one message as it would have left; "Nouvel envoi", or
 * {@code envoi?template=<id>} from Créa, opens the send dialog.
 */
@Route("envoi")
@Menu(order = 46, title = "nav.outbound")
@RolesAllowed(Role.ADMIN)
public class OutboundView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    private final transient OutboundService outbound;
    private final transient ActionCards cards;
    private final transient LeadSearchService search;
    private final Grid<SendSummary> sends = new Grid<>();
    private final Grid<OutboxMessage> messages = new Grid<>();
    private final H3 outboxTitle = new H3();

    public OutboundView(OutboundService outbound, ActionCards cards, LeadSearchService search) {
        this.outbound = outbound;
        this.cards = cards;
        this.search = search;
        addClassName("outbound-view");
        Button create = new Button(getTranslation("outbound.screen.new"), e -> openDialog(null));
        create.setId("outbound-new");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        sends.setId("outbound-sends");
        sends.addColumn(SendSummary::templateName).setHeader(getTranslation("outbound.screen.col.template")).setKey("template");
        sends.addColumn(s -> getTranslation("outbound.screen.status." + s.status())).setHeader(getTranslation("outbound.screen.col.status")).setKey("status");
        sends.addColumn(s -> Dates.dateTime(s.scheduledAt(), getLocale())).setHeader(getTranslation("outbound.screen.col.scheduled")).setKey("scheduled");
        sends.addColumn(SendSummary::sent).setHeader(getTranslation("outbound.screen.col.sent")).setKey("sent");
        sends.addColumn(SendSummary::pending).setHeader(getTranslation("outbound.screen.col.pending")).setKey("pending");
        sends.addColumn(SendSummary::failed).setHeader(getTranslation("outbound.screen.col.failed")).setKey("failed");
        sends.addColumn(this::skipped).setHeader(getTranslation("outbound.screen.col.skipped")).setKey("skipped");
        sends.setAllRowsVisible(true);
        sends.addSelectionListener(e -> e.getFirstSelectedItem().ifPresent(this::showOutbox));
        messages.setId("outbound-messages");
        messages.addColumn(OutboxMessage::to).setHeader(getTranslation("outbound.screen.col.to")).setKey("to");
        messages.addColumn(OutboxMessage::subject).setHeader(getTranslation("outbound.screen.col.subject")).setKey("subject");
        messages.setAllRowsVisible(true);
        messages.addItemClickListener(e -> openMessage(e.getItem()));
        messages.setVisible(false);
        outboxTitle.setVisible(false);
        add(new H2(getTranslation("nav.outbound")), new Paragraph(getTranslation("outbound.screen.help")), create,
                sends, outboxTitle, messages);
        refresh();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.getLocation().getQueryParameters().getSingleParameter("template").ifPresent(this::openDialog);
    }

    private void openDialog(String templateId) {
        SendDialog dialog = new SendDialog(outbound, search, cards, this::refresh);
        if (templateId != null) {
            dialog.select(templateId);
        }
        dialog.open();
    }

    private void refresh() {
        sends.setItems(outbound.sends(100));
    }

    /** "opt-out 30, sans consentement 7", or "0". */
    private String skipped(SendSummary s) {
        if (s.skippedTotal() == 0) {
            return "0";
        }
        return s.skipped().entrySet().stream()
                .map(e -> Messages.text(this, e.getKey().label()) + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }

    private void showOutbox(SendSummary send) {
        outboxTitle.setText(getTranslation("outbound.screen.outbox", send.templateName()));
        outboxTitle.setVisible(true);
        messages.setItems(outbound.outbox(send.id(), 500));
        messages.setVisible(true);
    }

    /** One message as it would have left: headers, then its (sanitised) HTML. */
    private void openMessage(OutboxMessage message) {
        Dialog dialog = new Dialog();
        dialog.setId("outbound-message");
        dialog.setHeaderTitle(message.subject());
        Paragraph to = new Paragraph(getTranslation("outbound.screen.message.to", message.to()));
        to.setId("outbound-message-to");
        Pre headers = new Pre(message.headers());
        headers.setId("outbound-message-headers");
        Html body = new Html("<div id=\"outbound-message-body\">" + message.body() + "</div>");
        dialog.add(to, headers, body);
        dialog.getFooter().add(new Button(getTranslation("outbound.screen.close"), e -> dialog.close()));
        dialog.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.outbound") + " — M.A.X.";
    }
}
