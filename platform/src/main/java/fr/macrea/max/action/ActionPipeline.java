package fr.macrea.max.action;

import fr.macrea.max.crm.CrmGateway;
import fr.macrea.max.crm.EntityRef;
import fr.macrea.max.crm.RecordWrite;
import fr.macrea.max.db.platform.tables.records.ActionLogRecord;
import fr.macrea.max.security.MaxPrincipal;
import fr.macrea.max.shared.NoTenantException;
import fr.macrea.max.security.TenantContext;
import fr.macrea.max.wallet.Entitlement;
import fr.macrea.max.wallet.Entitlements;
import fr.macrea.max.wallet.InsufficientTokensException;
import fr.macrea.max.wallet.PriceTableService;
import fr.macrea.max.wallet.Reservation;
import fr.macrea.max.wallet.Right;
import fr.macrea.max.wallet.WalletService;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The one path of every action (SPEC §4): entitlement -> mode guard -> quote -> reserve -> execute -> commit or
 * refund -> log. Not transactional itself: each step commits on its own, so that a crash at any point leaves a
 * state the sweepers repair (a HELD reservation is refunded when it expires; a RUNNING log row is failed).
 */
@Component
class ActionPipeline {

    private static final Logger log = LoggerFactory.getLogger(ActionPipeline.class);

    private final ActionLogRepository repository;
    private final Entitlements entitlements;
    private final PriceTableService prices;
    private final WalletService wallet;
    private final ObjectProvider<CrmGateway> crm;
    private final TenantContext context;
    private final ApplicationEventPublisher events;
    private final ActionProperties properties;
    private final Clock clock;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    ActionPipeline(ActionLogRepository repository, Entitlements entitlements, PriceTableService prices,
                   WalletService wallet, ObjectProvider<CrmGateway> crm, TenantContext context,
                   ApplicationEventPublisher events, ActionProperties properties, Clock clock) {
        this.repository = repository;
        this.entitlements = entitlements;
        this.prices = prices;
        this.wallet = wallet;
        this.crm = crm;
        this.context = context;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    /** What the mode guard decides for a request. */
    record Decision(boolean draft, String reason) {
        static final Decision RUN = new Decision(false, null);
    }

    /**
     * The mode guard of SPEC §3, on the server whatever the caller says: Conseil reads only; Assisté turns writes
     * into drafts; Auto writes need the Pro plan, a tenant admin and a second explicit confirmation, and become
     * drafts when untrusted text is in the context.
     */
    Decision guard(ActionDefinition<?, ?> definition, Mode mode, ActionRequest<?> request, boolean validatedDraft) {
        if (!definition.kind().writes() || validatedDraft) {
            return Decision.RUN;
        }
        return switch (mode) {
            case CONSEIL -> throw new ActionRefusedException("En mode Conseil, M.A.X. ne fait que lire et conseiller : "
                    + "« " + definition.label() + " » modifierait le CRM. Passez en mode Assisté pour en préparer un "
                    + "brouillon.");
            case ASSISTE -> new Decision(true, "Mode Assisté : l'action attend votre validation.");
            case AUTO -> {
                if (!entitlements.has(Right.AUTO_MODE)) {
                    yield new Decision(true, "Plan Standard : la création se fait en mode Assisté (brouillon à valider).");
                }
                if (request.untrustedInput()) {
                    yield new Decision(true, "Autonomie réduite : un contenu venu de l'extérieur est en jeu, "
                            + "un humain doit valider.");
                }
                if (!ModeService.isTenantAdmin(principal())) {
                    yield new Decision(true, "Seul un administrateur du tenant confirme les actions Auto : brouillon créé.");
                }
                if (!request.confirmed() || !request.doubleConfirmed()) {
                    throw new ConfirmationRequiredException();
                }
                yield Decision.RUN;
            }
        };
    }

    <P, R> ActionOutcome<R> submit(ActionDefinition<P, R> definition, ActionRequest<P> request, Mode mode,
                                   boolean validatedDraft) {
        String key = request.idempotencyKey();
        if (key == null || key.isBlank() || key.length() > 100) {
            throw new ActionRefusedException("Clé d'idempotence invalide (1 à 100 caractères).");
        }
        if (request.params() == null) {
            throw new ActionRefusedException("Paramètres manquants pour « " + definition.label() + " ».");
        }
        // 1. entitlement
        Entitlement entitlement = entitlements.check(definition.requiredRight());
        if (!entitlement.granted()) {
            throw new ActionRefusedException(entitlement.message());
        }
        // 2. mode guard (may refuse, or turn the request into a draft)
        Decision decision = guard(definition, mode, request, validatedDraft);
        // 3. quote
        int cost = prices.price(definition.id());
        String summary = definition.describe(request.params());
        EntityRef target = definition.target(request.params());
        MaxPrincipal user = principal();
        Instant started = clock.instant();
        // idempotency: the first request with this key claims it; replays wait for and return its outcome
        var claimed = repository.claim(key, definition, user.userId(), user.displayName(), mode, summary,
                target == null ? null : target.entityType(), target == null ? null : target.id(), started);
        if (claimed.isEmpty()) {
            return replay(definition, key);
        }
        long logId = claimed.get();
        if (decision.draft()) {
            long draftId = repository.insertDraft(definition.id(), Json.write(request.params()), summary,
                    decision.reason(), cost, user.userId(), user.displayName(), started);
            repository.finish(logId, ActionStatus.DRAFTED, 0, decision.reason(), null, null, draftId, 0);
            publish(ActionEvent.DRAFTED, "Brouillon à valider : " + summary, logId, definition, 0);
            return new ActionOutcome<>(ActionStatus.DRAFTED, logId, draftId, null, 0,
                    decision.reason() + " Retrouvez-le dans « Brouillons ».", false);
        }
        ActionContext actionContext = new ActionContext(crm(), mode);
        // 4. reserve
        Reservation reservation = null;
        if (cost > 0) {
            try {
                reservation = wallet.reserve("action-" + logId, cost, definition.label() + " : " + summary);
            } catch (InsufficientTokensException e) {
                repository.finish(logId, ActionStatus.REFUSED, 0, e.getMessage(), null, null, null, elapsed(started));
                return new ActionOutcome<>(ActionStatus.REFUSED, logId, null, null, 0, e.getMessage(), false);
            }
            repository.reserved(logId, reservation.id(), cost);
        }
        // 5. execute, 6. commit or refund (with rollback of the CRM writes), 7. log
        try {
            R result = execute(definition, request.params(), actionContext);
            if (reservation != null) {
                wallet.commit(reservation.id());
            }
            repository.finish(logId, ActionStatus.COMPLETED, cost, null, Json.write(result),
                    actionContext.writes().isEmpty() ? null : Json.write(actionContext.writes()), null, elapsed(started));
            note(target, "M.A.X. — " + definition.label() + " (mode " + fr.macrea.max.shared.FrenchMessages.render(fr.macrea.max.shared.Message.of(mode.labelKey())) + ", " + cost + " jeton"
                    + (cost > 1 ? "s" : "") + ") : " + summary);
            publish(ActionEvent.COMPLETED, definition.label() + " : " + summary, logId, definition, cost);
            return new ActionOutcome<>(ActionStatus.COMPLETED, logId, null, result, cost,
                    definition.label() + " réalisée (" + cost + " jeton" + (cost > 1 ? "s" : "") + ").", false);
        } catch (ExecutionFailure failure) {
            String reason = failure.getMessage();
            String rollback = rollback(actionContext.writes());
            if (rollback != null) {
                reason = reason + " " + rollback;
            }
            if (reservation != null) {
                wallet.refund(reservation.id(), "Échec : " + reason);
            }
            String message = reason + (cost > 0 ? " Les " + cost + " jetons réservés ont été remboursés." : "");
            repository.finish(logId, ActionStatus.FAILED, 0, message, null,
                    actionContext.writes().isEmpty() ? null : Json.write(actionContext.writes()), null, elapsed(started));
            publish(ActionEvent.FAILED, definition.label() + " a échoué : " + reason, logId, definition, 0);
            return new ActionOutcome<>(ActionStatus.FAILED, logId, null, null, 0, message, false);
        }
    }

    /** Runs the executor on its own thread (with the caller's security context) under the time limit. */
    private <P, R> R execute(ActionDefinition<P, R> definition, P params, ActionContext actionContext) {
        Duration timeout = definition instanceof TimedAction timed && timed.timeout() != null
                ? timed.timeout() : properties.timeout();
        SecurityContext security = SecurityContextHolder.getContext();
        CountDownLatch finished = new CountDownLatch(1);
        Future<R> future = executor.submit(() -> {
            SecurityContextHolder.setContext(security);
            try {
                return definition.execute(params, actionContext);
            } finally {
                SecurityContextHolder.clearContext();
                finished.countDown();
            }
        });
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            actionContext.cancel();
            future.cancel(true);
            awaitQuietly(finished);
            throw new ExecutionFailure("Délai dépassé (" + human(timeout) + ") : l'action a été interrompue.");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ActionAbortedException aborted) {
                throw new ExecutionFailure("Action annulée : " + aborted.getMessage());
            }
            log.info("action {} failed", definition.id(), cause);
            throw new ExecutionFailure("Erreur pendant l'exécution : " + (cause == null || cause.getMessage() == null
                    ? String.valueOf(cause) : cause.getMessage()));
        } catch (InterruptedException e) {
            actionContext.cancel();
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new ExecutionFailure("Action interrompue.");
        }
    }

    /** Puts back the before-images, last write first; returns a French warning if some could not be restored. */
    String rollback(List<RecordWrite> writes) {
        List<RecordWrite> reversed = new ArrayList<>(writes);
        Collections.reverse(reversed);
        List<String> failed = new ArrayList<>();
        for (RecordWrite write : reversed) {
            try {
                crm().update(write.ref(), new HashMap<>(write.before()));
            } catch (RuntimeException e) {
                log.warn("could not restore {} {}", write.ref(), e.getMessage());
                failed.add(write.ref().entityType() + " " + write.ref().id());
            }
        }
        return failed.isEmpty() ? null : "Attention : restauration impossible pour " + String.join(", ", failed) + ".";
    }

    private <R> ActionOutcome<R> replay(ActionDefinition<?, R> definition, String key) {
        long deadline = System.nanoTime() + properties.timeout().plusSeconds(10).toNanos();
        while (true) {
            ActionLogRecord row = repository.findByKey(key).orElseThrow();
            if (!row.getActionId().equals(definition.id())) {
                throw new ActionRefusedException("Cette clé d'idempotence a déjà servi pour une autre action.");
            }
            ActionStatus status = ActionStatus.valueOf(row.getStatus());
            if (status != ActionStatus.RUNNING || System.nanoTime() > deadline) {
                R result = status == ActionStatus.COMPLETED || status == ActionStatus.UNDONE
                        ? Json.read(row.getResultJson(), definition.resultType()) : null;
                int cost = status == ActionStatus.COMPLETED ? row.getCost() : 0;
                return new ActionOutcome<>(status, row.getId(), row.getDraftId(), result, cost,
                        row.getReason() == null ? "Requête déjà traitée : résultat d'origine renvoyé." : row.getReason(),
                        true);
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ActionRefusedException("Attente interrompue.");
            }
        }
    }

    void note(EntityRef target, String text) {
        if (target == null) {
            return;
        }
        try {
            crm().addNote(target, text);
        } catch (RuntimeException e) {
            // the action itself is done and logged on our side; a missing CRM note must not undo it
            log.warn("could not post the action note on {}: {}", target, e.getMessage());
        }
    }

    void publish(String type, String summary, long logId, ActionDefinition<?, ?> definition, int cost) {
        events.publishEvent(new ActionEvent(context.current(), type, summary, clock.instant(),
                Map.of("actionLogId", logId, "actionId", definition.id(), "cost", cost)));
    }

    CrmGateway crm() {
        CrmGateway gateway = crm.getIfAvailable();
        if (gateway == null) {
            throw new ActionRefusedException("Le CRM n'est pas disponible : aucune action ne peut s'exécuter.");
        }
        return gateway;
    }

    MaxPrincipal principal() {
        return context.principal().orElseThrow(NoTenantException::new);
    }

    private long elapsed(Instant started) {
        return Math.max(0, Duration.between(started, clock.instant()).toMillis());
    }

    private static void awaitQuietly(CountDownLatch finished) {
        try {
            finished.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String human(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    /** An execution that threw, timed out or was aborted: handled by rollback + refund. */
    static final class ExecutionFailure extends RuntimeException {
        ExecutionFailure(String message) {
            super(message);
        }
    }
}
