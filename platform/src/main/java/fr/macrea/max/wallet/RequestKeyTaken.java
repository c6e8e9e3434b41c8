package fr.macrea.max.wallet;

/**
 * The request key of a reservation is already used (the database's unique key said so): the caller replays the
 * existing reservation. Thrown by {@link WalletRepository} so that the services never see a jOOQ exception.
 */
final class RequestKeyTaken extends RuntimeException {

    RequestKeyTaken(RuntimeException cause) {
        // an expected signal on the replay path: no stack trace to fill; the cause tells what the database said
        super("request key already used", cause, false, false);
    }
}
