package fr.macrea.max.fields;

import fr.macrea.max.action.ActionOutcome;
import fr.macrea.max.action.ActionQuote;
import fr.macrea.max.action.ActionRefusedException;
import fr.macrea.max.action.ActionRequest;
import fr.macrea.max.action.ActionService;
import fr.macrea.max.action.ActionStatus;
import fr.macrea.max.action.UndoResult;
import fr.macrea.max.action.UndoService;
import fr.macrea.max.brain.BrainCatalog;
import fr.macrea.max.brain.Contributed;
import fr.macrea.max.crm.CrmCustomFields;
import fr.macrea.max.plugins.api.FieldPlan;
import fr.macrea.max.security.TenantContext;
import fr.macrea.max.shared.Message;
import fr.macrea.max.shared.NoTenantException;
import fr.macrea.max.wallet.DefaultPrices;
import fr.macrea.max.wallet.Entitlement;
import fr.macrea.max.wallet.Entitlements;
import fr.macrea.max.wallet.PriceTableService;
import fr.macrea.max.wallet.Right;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * MAX Fields Rebuild (SPEC §8): a brain's field plan compared with the tenant's schema becomes a migration project,
 * a draft of the {@code fields.rebuild} action that a tenant admin validates with a second confirmation naming the
 * number of fields; applied step by step through the action pipeline (charged on success, refunded on failure),
 * recorded, and undoable. The diff itself is a free read. Every method acts in the principal's tenant.
 */
@Service
public class FieldsRebuildService {

    static final int HISTORY = 50;

    private final BrainCatalog brains;
    private final SchemaTargets targets;
    private final CrmCustomFields crm;
    private final MigrationRepository repository;
    private final MigrationProjects projects;
    private final MigrationRunner runner;
    private final ActionService actions;
    private final UndoService undo;
    private final Entitlements entitlements;
    private final PriceTableService prices;
    private final TenantContext context;
    private final Clock clock;

    FieldsRebuildService(BrainCatalog brains, SchemaTargets targets, CrmCustomFields crm,
                         MigrationRepository repository, MigrationProjects projects, MigrationRunner runner,
                         ActionService actions, UndoService undo, Entitlements entitlements,
                         PriceTableService prices, TenantContext context, Clock clock) {
        this.brains = brains;
        this.targets = targets;
        this.crm = crm;
        this.repository = repository;
        this.projects = projects;
        this.runner = runner;
        this.actions = actions;
        this.undo = undo;
        this.entitlements = entitlements;
        this.prices = prices;
        this.context = context;
        this.clock = clock;
    }

    /**
     * The field plans the tenant can propose: those of its active vertical brains; without the Fiche métier right,
     * those of every vertical brain of the instance, locked with the plan or add-on that unlocks them.
     */
    @PreAuthorize("hasRole('TENANT_USER')")
    public List<FieldPlanChoice> plans() {
        Entitlement right = entitlements.check(Right.FIELDS_REBUILD);
        List<Contributed<FieldPlan>> plans = right.granted() ? brains.fieldPlans() : brains.offeredFieldPlans();
        return plans.stream().map(p -> new FieldPlanChoice(p.brainId(), p.brainName(),
                p.item().entities().stream().mapToInt(e -> e.fields().size()).sum(), p.item().views().size(),
                right.granted() ? null : Right.FIELDS_REBUILD.unlockedBy())).toList();
    }

    /** The project the brain's plan would make now (not stored, costs nothing); refused plans say why. */
    @PreAuthorize("hasRole('TENANT_USER')")
    public MigrationProject preview(String brainId) {
        Entitlement right = entitlements.check(Right.FIELDS_REBUILD);
        Contributed<FieldPlan> plan = plan(brainId, right.granted());
        SchemaTarget target = targets.current();
        StoredProject stored = diff(plan.item(), target);
        return FieldPlanDiff.preview(plan.brainId(), plan.brainName(), target.mode(), stored,
                FieldPlanDiff.steps(stored, target), right.granted() ? null : Right.FIELDS_REBUILD.unlockedBy());
    }

    /**
     * Stores the project and makes it a draft of the {@code fields.rebuild} action (tenant admins): the pipeline's
     * outcome, with the stored project as its result. The same key twice (a double click) makes one draft.
     */
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    public ActionOutcome<MigrationProject> propose(String brainId, String idempotencyKey) {
        Entitlement right = entitlements.check(Right.FIELDS_REBUILD);
        if (!right.granted()) {
            throw new ActionRefusedException(right.reason());
        }
        ActionQuote quote = actions.quote(DefaultPrices.FIELDS_REBUILD);
        if (quote.effect() == ActionQuote.Effect.BLOCKED) {
            throw new ActionRefusedException(quote.effectMessage());
        }
        Contributed<FieldPlan> plan = plan(brainId, true);
        SchemaTarget target = targets.current();
        StoredProject stored = diff(plan.item(), target);
        if (stored.fields().stream().noneMatch(f -> f.status() == FieldStatus.ADD) && stored.views().isEmpty()) {
            throw new ActionRefusedException(Message.of("fields.propose.nothing", plan.brainName()));
        }
        List<MigrationStep> steps = FieldPlanDiff.steps(stored, target);
        int adding = (int) stored.fields().stream().filter(f -> f.status() == FieldStatus.ADD).count();
        String by = context.principal().orElseThrow(NoTenantException::new).displayName();
        long id = repository.insert(plan.brainId(), plan.brainName(), target.mode().name(),
                MigrationProjects.write(stored), adding, steps, by, clock.instant());
        ActionOutcome<Object> outcome = actions.run(ActionRequest.of(DefaultPrices.FIELDS_REBUILD,
                new FieldsRebuildAction.Params(id, plan.brainName(), adding), idempotencyKey));
        if (outcome.replayed() || outcome.status() != ActionStatus.DRAFTED) {
            // the same click again, or a refusal: this copy of the project is not kept
            repository.delete(id);
            if (outcome.replayed()) {
                MigrationProject first = history().stream()
                        .filter(p -> outcome.draftId() != null && outcome.draftId().equals(p.draftId()))
                        .findFirst().orElseThrow(() -> new ActionRefusedException(outcome.message()));
                return new ActionOutcome<>(outcome.status(), outcome.actionLogId(), outcome.draftId(), first, 0,
                        outcome.message(), true);
            }
            throw new ActionRefusedException(outcome.message());
        }
        repository.draft(id, outcome.draftId(), null);
        return new ActionOutcome<>(outcome.status(), outcome.actionLogId(), outcome.draftId(), projects.require(id), 0,
                outcome.message(), false);
    }

    /**
     * Validates the draft (tenant admins) once the admin confirmed the number of fields it adds: the pipeline
     * charges the tokens and applies the steps; a failure reverses them and refunds.
     */
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    public ActionOutcome<Object> apply(long projectId, int confirmedFieldCount) {
        MigrationProject project = projects.require(projectId);
        if (project.status() != MigrationStatus.DRAFT || project.draftId() == null) {
            throw new ActionRefusedException(Message.of("fields.apply.not-draft"));
        }
        int adding = project.fieldsToAdd().size();
        if (confirmedFieldCount != adding) {
            throw new ActionRefusedException(Message.of("fields.apply.count-mismatch", adding));
        }
        repository.confirmed(projectId, confirmedFieldCount);
        ActionOutcome<Object> outcome;
        try {
            outcome = actions.validateDraft(project.draftId());
        } catch (ActionRefusedException refused) {
            if (refused.message().key().equals("action.draft.already-decided")) {
                // rejected from the drafts inbox meanwhile: the project follows its draft
                repository.move(projectId, MigrationStatus.DRAFT, MigrationStatus.REJECTED);
            }
            throw refused;
        }
        repository.draft(projectId, project.draftId(), outcome.actionLogId());
        return outcome;
    }

    @PreAuthorize("hasRole('TENANT_ADMIN')")
    public void reject(long projectId) {
        MigrationProject project = projects.require(projectId);
        if (project.status() != MigrationStatus.DRAFT || project.draftId() == null) {
            throw new ActionRefusedException(Message.of("fields.apply.not-draft"));
        }
        actions.rejectDraft(project.draftId());
        repository.move(projectId, MigrationStatus.DRAFT, MigrationStatus.REJECTED);
    }

    @PreAuthorize("hasRole('TENANT_USER')")
    public Optional<MigrationProject> project(long projectId) {
        return projects.find(projectId);
    }

    /** The tenant's projects, newest first. */
    @PreAuthorize("hasRole('TENANT_USER')")
    public List<MigrationProject> history() {
        return projects.latest(HISTORY);
    }

    /** What undoing would remove: the records holding a value in each added field. */
    @PreAuthorize("hasRole('TENANT_USER')")
    public UndoCheck undoCheck(long projectId) {
        return new UndoCheck(projectId, runner.filled(projects.require(projectId)));
    }

    /**
     * "Annuler la migration": drops what the project added and refunds (within the undo window), through the action
     * log's undo. With data written since, nothing happens until {@code dropWrittenData}; those values are kept as
     * a CSV backup ({@link #backupCsv}).
     */
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    public UndoResult undo(long projectId, boolean dropWrittenData) {
        MigrationProject project = projects.require(projectId);
        if (project.status() != MigrationStatus.APPLIED || project.actionLogId() == null) {
            throw new ActionRefusedException(Message.of("fields.undo.not-applied", Message.of(project.status().labelKey())));
        }
        return undo.undo(project.actionLogId(), dropWrittenData);
    }

    /** The CSV of the values an undo removed, if it removed any. */
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    public Optional<String> backupCsv(long projectId) {
        projects.require(projectId);
        return repository.backup(projectId);
    }

    private Contributed<FieldPlan> plan(String brainId, boolean entitled) {
        List<Contributed<FieldPlan>> plans = entitled ? brains.fieldPlans() : brains.offeredFieldPlans();
        Contributed<FieldPlan> plan = plans.stream().filter(p -> p.brainId().equals(brainId)).findFirst()
                .orElseThrow(() -> new ActionRefusedException(Message.of("fields.plan.unknown")));
        List<Message> violations = FieldIdentifiers.violations(plan.item());
        if (!violations.isEmpty()) {
            throw new FieldsException(Message.of("fields.plan.refused", plan.brainName(), violations.size()), violations);
        }
        return plan;
    }

    private StoredProject diff(FieldPlan plan, SchemaTarget target) {
        Map<String, Long> counts = new HashMap<>();
        return FieldPlanDiff.diff(plan, target, entity -> counts.computeIfAbsent(entity, crm::rowCount),
                prices.price(DefaultPrices.FIELDS_REBUILD));
    }
}
