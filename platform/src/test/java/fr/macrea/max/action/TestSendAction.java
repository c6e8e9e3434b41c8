package fr.macrea.max.action;

import fr.macrea.max.shared.Message;
import fr.macrea.max.crm.EntityRef;
import fr.macrea.max.wallet.Right;

import java.util.Map;

/** An irreversible send for tests (records the send as a CRM write, like a "last contacted" stamp). */
public class TestSendAction implements ActionDefinition<TestSendAction.Params, TestSendAction.Result> {

    public static final String ID = "test.send";
    /** A send that settles its unused units (like a campaign send): the partial refund accepts it. */
    public static final String PER_UNIT_ID = "test.send-per-unit";

    public record Params(String leadId) {
    }

    public record Result(boolean sent) {
    }

    private final String id;
    private final Right right;

    public TestSendAction(String id, Right right) {
        this.id = id;
        this.right = right;
    }

    @Override
    public boolean refundsUnusedUnits() {
        return PER_UNIT_ID.equals(id);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Message label() {
        return Message.of("action.text", "Envoi de test");
    }

    @Override
    public ActionKind kind() {
        return ActionKind.SEND;
    }

    @Override
    public Right requiredRight() {
        return right;
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
        return Message.of("action.text", "envoi au lead " + params.leadId());
    }

    @Override
    public EntityRef target(Params params) {
        return EntityRef.lead(params.leadId());
    }

    @Override
    public Result execute(Params params, ActionContext context) {
        context.update(EntityRef.lead(params.leadId()), Map.of("description", "contacté par M.A.X."));
        return new Result(true);
    }
}
