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
 * "Message WhatsApp / SMS / script d'appel" ({@code whatsapp.message}, 5 tokens by default, every plan): saves a creation as an EspoCRM {@code EmailTemplate}. WRITE: Conseil refuses it, Assisté makes it a
 * draft, Auto saves it after the second confirmation; undo removes the template (see {@link CreaSaving}).
 */
@Component
class ShortMessageAction implements ActionDefinition<CreaContent, CreaSaved>, ReversibleAction<CreaSaved> {

    static final Set<Channel> CHANNELS = Set.of(Channel.WHATSAPP, Channel.SMS, Channel.CALL_SCRIPT);

    private final CreaSaving saving;

    ShortMessageAction(CreaSaving saving) {
        this.saving = saving;
    }

    @Override
    public String id() {
        return DefaultPrices.WHATSAPP;
    }

    @Override
    public Message label() {
        return Message.of("creative.action.short.label");
    }

    @Override
    public ActionKind kind() {
        return ActionKind.WRITE;
    }

    @Override
    public Right requiredRight() {
        return Right.WHATSAPP_ASSISTED;
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
