package fr.macrea.max.creative;

import fr.macrea.max.action.ActionContext;
import fr.macrea.max.action.ActionDefinition;
import fr.macrea.max.action.ActionKind;
import fr.macrea.max.action.ReversibleAction;
import fr.macrea.max.action.UndoConflict;
import fr.macrea.max.plugins.api.Channel;
import fr.macrea.max.shared.Message;
import fr.macrea.max.wallet.DefaultPrices;
import fr.macrea.max.wallet.Right;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Set;

/**
 * "Créer une newsletter / un e-mail" ({@code newsletter.create}, 10 tokens by default, Créa right: Pro): saves a creation as an EspoCRM {@code EmailTemplate}. WRITE: Conseil refuses it, Assisté makes it a
 * draft, Auto saves it after the second confirmation; undo removes the template (see {@link CreaSaving}).
 */
@Component
class NewsletterAction implements ActionDefinition<CreaContent, CreaSaved>, ReversibleAction<CreaSaved> {

    static final Set<Channel> CHANNELS = Set.of(Channel.NEWSLETTER, Channel.EMAIL);

    private final CreaSaving saving;

    NewsletterAction(CreaSaving saving) {
        this.saving = saving;
    }

    @Override
    public String id() {
        return DefaultPrices.NEWSLETTER;
    }

    @Override
    public Message label() {
        return Message.of("creative.action.newsletter.label");
    }

    @Override
    public ActionKind kind() {
        return ActionKind.WRITE;
    }

    @Override
    public Right requiredRight() {
        return Right.CREA;
    }

    @Override
    public Class<CreaContent> paramsType() {
        return CreaContent.class;
    }

    @Override
    public Class<CreaSaved> resultType() {
        return CreaSaved.class;
    }

    @Override
    public void validate(CreaContent params) {
        saving.validate(params, CHANNELS);
    }

    @Override
    public void beforeValidation(CreaContent params) {
        saving.beforeValidation(params);
    }

    @Override
    public Message describe(CreaContent params) {
        return saving.describe(params);
    }

    @Override
    public CreaSaved execute(CreaContent params, ActionContext context) {
        return saving.save(params);
    }

    @Override
    public List<UndoConflict> undoConflicts(CreaSaved result) {
        return saving.conflicts(result);
    }

    @Override
    public void reverse(CreaSaved result, boolean overwrite) {
        saving.remove(result, overwrite);
    }
}
