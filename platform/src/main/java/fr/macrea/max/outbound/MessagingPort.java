package fr.macrea.max.outbound;

import java.util.List;

/**
 * Where a send's messages go. The outbox (embedded default) stores them in the database, inside the batch's
 * transaction, so a batch is delivered all or nothing; SMTP hands them to the tenant's server one by one. An n8n
 * adapter (messages through an automation) does not exist yet.
 */
interface MessagingPort {

    /** Adapter name stored with each send: OUTBOX, SMTP. */
    String name();

    /** True when {@link #deliver} writes in the caller's transaction (all or nothing with the recipients' status). */
    boolean transactional();

    /**
     * Delivers a batch; each message is reported to {@code report} as delivered or failed for good (a rejected
     * address). A transient failure that retries did not cure throws {@link DeliveryInterruptedException} naming
     * the message it stopped at: the messages reported before stay delivered, the rest are delivered by a resume.
     */
    void deliver(long sendId, List<Rendered> batch, Report report);

    interface Report {
        void delivered(Rendered message);

        void failed(Rendered message, String reason);
    }
}
