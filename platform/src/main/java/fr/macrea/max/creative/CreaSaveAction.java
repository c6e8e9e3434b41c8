package fr.macrea.max.creative;

import fr.macrea.max.action.ActionContext;
import fr.macrea.max.action.ActionDefinition;
import fr.macrea.max.action.ActionKind;
import fr.macrea.max.action.ReversibleAction;
import fr.macrea.max.action.UndoConflict;
import fr.macrea.max.plugins.api.Channel;
import fr.macrea.max.shared.Message;
import fr.macrea.max.wallet.Right;

import java.util.List;
import java.util.Set;

/**
 * A save of Espace Créa: a creation saved as an EspoCRM {@code EmailTemplate} (see {@link CreaSaving}). WRITE: Conseil
 * refuses it, Assisté makes it a draft, Auto saves it after the second confirmation; undo removes the template. The
 * two actions differ only by their id (price line), name, right and channels.
 */
abstract class CreaSaveAction implements ActionDefinition<CreaContent, CreaSaved>, ReversibleAction<CreaSaved> {

    private final CreaSaving saving;
    private final String id;
    private final String labelKey;
    private final Right right;
    private final Set<Channel> channels;

    CreaSaveAction(CreaSaving saving, String id, String labelKey, Right right, Set<Channel> channels) {
        this.saving = saving;
        this.id = id;
        this.labelKey = labelKey;
        this.right = right;
        this.channels = channels;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Message label() {
        return Message.of(labelKey);
    }

    @Override
    public Right requiredRight() {
        return right;
    }

    @Override
    public ActionKind kind() {
        return ActionKind.WRITE;
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
        saving.validate(params, channels);
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
