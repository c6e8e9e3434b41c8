package fr.macrea.max.action;

import fr.macrea.max.crm.EntityRef;
import fr.macrea.max.security.MaxPrincipal;
import fr.macrea.max.security.TenantContext;
import fr.macrea.max.shared.FrenchMessages;
import fr.macrea.max.shared.LocalizedException;
import fr.macrea.max.shared.Message;
import fr.macrea.max.shared.NoTenantException;
import fr.macrea.max.wallet.ActionCharges;
import fr.macrea.max.wallet.Entitlement;
import fr.macrea.max.wallet.Entitlements;
import fr.macrea.max.wallet.InsufficientTokensException;
import fr.macrea.max.wallet.PriceTableService;
import fr.macrea.max.wallet.Reservation;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
    static final int REASON_LENGTH = 500;
    /** The summary columns of the log and the drafts (the message's JSON form is clipped to fit). */
    static final int SUMMARY_LENGTH = 500;
    static final int DRAFT_REASON_LENGTH = 255;

    private final ActionLogRepository repository;
    private final Entitlements entitlements;
    private final ModeGuard guard;
    private final PriceTableService prices;
    private final ActionCharges charges;
    private final ActionEffects effects;
    private final TenantContext context;
    private final ActionProperties properties;
    private final Clock clock;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    ActionPipeline(ActionLogRepository repository, Entitlements entitlements, ModeGuard guard,
                   PriceTableService prices, ActionCharges charges, ActionEffects effects, TenantContext context,
                   ActionProperties properties, Clock clock) {
        this.repository = repository;
        this.entitlements = entitlements;
        this.guard = guard;
        this.prices = prices;
        this.charges = charges;
        this.effects = effects;
        this.context = context;
        this.properties = properties;
        this.clock = clock;
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    <P, R> ActionOutcome<R> submit(ActionDefinition<P, R> definition, ActionRequest<P> request, Mode mode,
                                   boolean validatedDraft) {
        String key = request.idempotencyKey();
        if (key == null || key.isBlank() || key.length() > 100) {
            throw new ActionRefusedException(Message.of("action.key.invalid"));
        }
        if (request.params() == null) {
            throw new ActionRefusedException(Message.of("action.params.missing", definition.label()));
        }
        definition.validate(request.params());
        // 1. entitlement
        Entitlement entitlement = entitlements.check(definition.requiredRight());
        if (!entitlement.granted()) {
            throw new ActionRefusedException(entitlement.reason());
        }
        // 2. mode guard (may refuse, or turn the request into a draft): the same decision the quote showed
        ModeGuard.Decision decision = guard.decide(definition, mode, request.untrustedInput(), validatedDraft);
        switch (decision.verdict()) {
            case REFUSED -> throw new ActionRefusedException(decision.reason());
            case RUN_AFTER_DOUBLE_CONFIRMATION -> {
                if (!request.confirmed() || !request.doubleConfirmed()) {
                    throw new ConfirmationRequiredException();
                }
            }
            default -> {
                // RUN, DRAFT
            }
        }
        // 3. quote
        int cost = prices.price(definition.id()) * Math.max(0, definition.units(request.params()));
        Message summary = definition.describe(request.params());
        EntityRef target = definition.target(request.params());
        MaxPrincipal user = principal();
        Instant started = clock.instant();
        // idempotency: the first request with this key claims it; replays wait for and return its outcome
        var claimed = repository.claim(key, definition, user.userId(), user.displayName(), mode,
                Json.writeMessage(summary, SUMMARY_LENGTH),
                target == null ? null : target.entityType(), target == null ? null : target.id(), started);
        if (claimed.isEmpty()) {
            return replay(definition, key);
        }
        long logId = claimed.get();
        if (decision.draft()) {
            long draftId = repository.insertDraft(definition.id(), Json.write(request.params()),
                    Json.writeMessage(summary, SUMMARY_LENGTH),
                    Json.writeMessage(decision.reason(), DRAFT_REASON_LENGTH), cost, user.userId(),
                    user.displayName(), started);
            repository.finish(logId, ActionStatus.DRAFTED, 0, Json.writeMessage(decision.reason(), REASON_LENGTH),
                    null, null, draftId, 0);
            effects.publish(ActionEvent.DRAFTED, Message.of("action.event.drafted", summary), logId, definition, 0);
            return new ActionOutcome<>(ActionStatus.DRAFTED, logId, draftId, null, 0,
                    Message.of("action.outcome.drafted", decision.reason()), false);
        }
        ActionContext actionContext = new ActionContext(effects.crm(), mode, logId);
        // 4. reserve
        Reservation reservation = null;
        if (cost > 0) {
            try {
                reservation = charges.reserve("action-" + logId, cost,
                        Message.of("action.ledger.reserve", definition.label(), summary));
            } catch (InsufficientTokensException e) {
                Message refusal = messageOf(e);
                repository.finish(logId, ActionStatus.REFUSED, 0, Json.writeMessage(refusal, REASON_LENGTH), null,
                        null, null, elapsed(started));
                return new ActionOutcome<>(ActionStatus.REFUSED, logId, null, null, 0, refusal, false);
            }
            repository.reserved(logId, reservation.id(), cost);
        }
        // 5. execute, 6. commit or refund (with rollback of the CRM writes), 7. log
        try {
            R result = execute(definition, request.params(), actionContext);
            if (reservation != null) {
                charges.commit(reservation.id());
            }
            repository.finish(logId, ActionStatus.COMPLETED, cost, null, Json.write(result),
                    actionContext.writes().isEmpty() ? null : Json.write(actionContext.writes()), null, elapsed(started));
            effects.note(target, Message.of("action.note.completed", definition.label(),
                    Message.of(mode.labelKey()), cost, summary));
            effects.publish(ActionEvent.COMPLETED, Message.of("action.event.completed", definition.label(), summary),
                    logId, definition, cost);
            return new ActionOutcome<>(ActionStatus.COMPLETED, logId, null, result, cost,
                    Message.of("action.outcome.completed", definition.label(), cost), false);
        } catch (ExecutionFailure failure) {
            List<String> notRestored = effects.rollback(actionContext.writes());
            Message reason = notRestored.isEmpty() ? failure.reason
                    : Message.of("action.failure.with-rollback-warning", failure.reason, String.join(", ", notRestored));
            if (reservation != null) {
                charges.refund(reservation.id(), Message.of("action.ledger.failed", failure.reason));
            }
            Message message = cost > 0 ? Message.of("action.outcome.failed.refunded", reason, cost) : reason;
            repository.finish(logId, ActionStatus.FAILED, 0, Json.writeMessage(message, REASON_LENGTH), null,
                    actionContext.writes().isEmpty() ? null : Json.write(actionContext.writes()), null, elapsed(started));
            effects.publish(ActionEvent.FAILED, Message.of("action.event.failed", definition.label(), failure.reason),
                    logId, definition, 0);
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
            throw new ExecutionFailure(Message.of("action.failure.timeout", human(timeout)));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ActionAbortedException aborted) {
                throw new ExecutionFailure(Message.of("action.failure.aborted", messageOf(aborted)));
            }
            log.info("action {} failed", definition.id(), cause);
            String text = cause == null || cause.getMessage() == null ? String.valueOf(cause) : cause.getMessage();
            throw new ExecutionFailure(Message.of("action.failure.error", messageOf(cause, text)));
        } catch (InterruptedException e) {
            actionContext.cancel();
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new ExecutionFailure(Message.of("action.failure.interrupted"));
        }
    }

    private <R> ActionOutcome<R> replay(ActionDefinition<?, R> definition, String key) {
        long deadline = System.nanoTime() + properties.timeout().plusSeconds(10).toNanos();
        while (true) {
            ActionLogRow row = repository.findByKey(key).orElseThrow();
            if (!row.actionId().equals(definition.id())) {
                throw new ActionRefusedException(Message.of("action.key.other-action"));
            }
            ActionStatus status = row.status();
            if (status != ActionStatus.RUNNING || System.nanoTime() > deadline) {
                R result = status == ActionStatus.COMPLETED || status == ActionStatus.UNDONE
                        ? Json.read(row.resultJson(), definition.resultType()) : null;
                int cost = status == ActionStatus.COMPLETED ? row.cost() : 0;
                Message message = row.reason() == null ? Message.of("action.outcome.replayed")
                        : Json.readMessage(row.reason());
                return new ActionOutcome<>(status, row.id(), row.draftId(), result, cost, message, true);
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ActionRefusedException(Message.of("action.replay.interrupted"));
            }
        }
    }

    MaxPrincipal principal() {
        return context.principal().orElseThrow(NoTenantException::new);
    }

    private long elapsed(Instant started) {
        return Math.max(0, Duration.between(started, clock.instant()).toMillis());
    }

    /** The user-facing text of a failure: its key when it has one, else its sentence as it is. */
    static Message messageOf(Throwable failure) {
        return messageOf(failure, failure == null ? "" : String.valueOf(failure.getMessage()));
    }

    private static Message messageOf(Throwable failure, String text) {
        return failure instanceof LocalizedException localized ? localized.message() : Message.of("action.text", text);
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
        final transient Message reason;

        /** The exception's own text (logs only) is the French rendering of the reason. */
        ExecutionFailure(Message reason) {
            super(FrenchMessages.render(reason));
            this.reason = reason;
        }
    }
}
