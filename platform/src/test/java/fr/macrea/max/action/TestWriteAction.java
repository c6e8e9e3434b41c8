package fr.macrea.max.action;

import fr.macrea.max.shared.Message;
import fr.macrea.max.crm.EntityRef;
import fr.macrea.max.wallet.Right;

import java.time.Duration;
import java.util.Map;

/**
 * A write action for tests: applies {@code changes} to a lead, then behaves as asked: {@code ok}, {@code throw}
 * (fails after writing), {@code slow} (runs past its 400 ms limit), {@code abort} (rolls itself back).
 */
public class TestWriteAction implements ActionDefinition<TestWriteAction.Params, TestWriteAction.Result>, TimedAction {

    public static final String ID = "test.write";

    public record Params(String leadId, Map<String, Object> changes, String behaviour) {
    }

    public record Result(int written) {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Message label() {
        return Message.of("action.text", "Écriture de test");
    }

    @Override
    public ActionKind kind() {
        return ActionKind.WRITE;
    }

    @Override
    public Right requiredRight() {
        return Right.CRM_BASIC_WRITE;
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
    public Message describe(Params params) {
        return Message.of("action.text", "mise à jour du lead " + params.leadId());
    }

    @Override
    public EntityRef target(Params params) {
        return EntityRef.lead(params.leadId());
    }

    @Override
    public Duration timeout() {
        return Duration.ofMillis(400);
    }

    @Override
    public Result execute(Params params, ActionContext context) throws Exception {
        context.update(EntityRef.lead(params.leadId()), params.changes());
        switch (params.behaviour()) {
            case "throw" -> throw new IllegalStateException("le service distant a répondu 500");
            case "abort" -> context.abort(Message.of("action.text", "le contrôle qualité a refusé le résultat"));
            case "slow" -> {
                Thread.sleep(10_000);
                context.update(EntityRef.lead(params.leadId()), Map.of("description", "trop tard"));
            }
            default -> { }
        }
        return new Result(params.changes().size());
    }
}
