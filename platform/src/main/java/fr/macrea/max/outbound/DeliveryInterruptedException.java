package fr.macrea.max.outbound;

/** The messaging server stayed unreachable after the retries: the batch stops and is resumed later. */
class DeliveryInterruptedException extends RuntimeException {

    DeliveryInterruptedException(String text, Throwable cause) {
        super(text, cause);
    }
}
