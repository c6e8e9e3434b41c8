package fr.macrea.max.outbound;

import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;

/** The embedded adapter: a batch is ONE multi-row insert into the outbox; nothing leaves the machine. */
@Component
class OutboxAdapter implements MessagingPort {

    static final String NAME = "OUTBOX";

    private final OutboundRepository repository;
    private final Clock clock;

    OutboxAdapter(OutboundRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean transactional() {
        return true;
    }

    @Override
    public void deliver(long sendId, List<Rendered> batch, Report report) {
        repository.insertOutbox(sendId, batch, clock.instant());
        batch.forEach(report::delivered);
    }
}
