package fr.macrea.max.fields;

import fr.macrea.max.action.ActionContext;
import fr.macrea.max.action.ActionDefinition;
import fr.macrea.max.action.ActionKind;
import fr.macrea.max.action.ActionRefusedException;
import fr.macrea.max.action.ReversibleAction;
import fr.macrea.max.action.TimedAction;
import fr.macrea.max.action.UndoConflict;
import fr.macrea.max.crm.EntityRef;
import fr.macrea.max.shared.Message;
import fr.macrea.max.wallet.DefaultPrices;
import fr.macrea.max.wallet.Right;
import fr.macrea.max.wallet.WalletProperties;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * "Fiche métier": applies a stored migration project (WRITE, Fiche métier right, always validated by a tenant admin
 * whatever the mode). The pipeline charges it when the draft is validated and refunds it when a step fails; undo
 * (from the history or the action log) drops what it added and refunds within the undo window.
 */
@Component
class FieldsRebuildAction implements ActionDefinition<FieldsRebuildAction.Params, FieldsRebuildAction.Result>,
        ReversibleAction<FieldsRebuildAction.Result>, TimedAction {

    /** What the draft stores: the project, named by its brain, and the number of fields the admin must confirm. */
    record Params(long projectId, String brainName, int fieldCount) {
    }

    record Result(long projectId, int fieldsAdded) {
    }

    private final MigrationRunner runner;
    private final MigrationProjects projects;
    private final MigrationRepository repository;
    private final Duration timeout;

    FieldsRebuildAction(MigrationRunner runner, MigrationProjects projects, MigrationRepository repository,
                        WalletProperties wallet) {
        // an ALTER TABLE on a large table takes its time, but the run must end before its reservation expires
        // (the sweeper would refund a reservation still in use): the longest limit the wallet allows
        this.timeout = wallet.reservationTtl().minusSeconds(30);
        this.runner = runner;
        this.projects = projects;
        this.repository = repository;
    }

    @Override
    public String id() {
        return DefaultPrices.FIELDS_REBUILD;
    }

    @Override
    public Message label() {
        return Message.of("fields.action.label");
    }

    @Override
    public ActionKind kind() {
        return ActionKind.WRITE;
    }

    @Override
    public Right requiredRight() {
        return Right.FIELDS_REBUILD;
    }

    @Override
    public Class<Params> paramsType() {
        return Params.class;
    }

    @Override
    public Class<Result> resultType() {
        return Result.class;
    }

    @Override
    public boolean alwaysValidated() {
        return true;
    }

    @Override
    public Duration timeout() {
        return timeout;
    }

    @Override
    public void validate(Params params) {
        if (params.projectId() <= 0 || params.brainName() == null || params.brainName().length() > 190) {
            throw new ActionRefusedException(Message.of("fields.project.not-found"));
        }
    }

    @Override
    public Message describe(Params params) {
        return Message.of("fields.action.describe", params.brainName(), params.fieldCount());
    }

    /** A draft validated from the inbox must carry the count confirmed on the Fiche métier screen. */
    @Override
    public void beforeValidation(Params params) {
        Integer confirmed = repository.find(params.projectId()).map(MigrationRepository.Row::confirmedFieldCount)
                .orElseThrow(() -> new ActionRefusedException(Message.of("fields.project.not-found")));
        if (confirmed == null || confirmed != params.fieldCount()) {
            throw new ActionRefusedException(Message.of("fields.apply.confirm-on-screen", params.fieldCount()));
        }
    }

    @Override
    public Result execute(Params params, ActionContext context) {
        return new Result(params.projectId(), runner.apply(params.projectId()));
    }

    @Override
    public List<UndoConflict> undoConflicts(Result result) {
        MigrationProject project = projects.require(result.projectId());
        List<UndoConflict> out = new ArrayList<>();
        for (Map.Entry<String, Long> e : runner.filled(project).entrySet()) {
            if (e.getValue() > 0) {
                String entity = project.fieldsToAdd().stream().filter(f -> f.name().equals(e.getKey()))
                        .map(FieldProposal::entity).findFirst().orElse("Lead");
                out.add(new UndoConflict(new EntityRef(entity, ""), e.getKey(), String.valueOf(e.getValue()), ""));
            }
        }
        return out;
    }

    @Override
    public void reverse(Result result, boolean overwrite) {
        runner.undo(result.projectId(), overwrite);
    }
}
