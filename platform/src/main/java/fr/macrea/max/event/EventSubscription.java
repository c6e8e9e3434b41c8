package fr.macrea.max.event;

/** A live subscription; closing it stops delivery (an event being delivered at that moment may still finish). */
public interface EventSubscription extends AutoCloseable {

    @Override
    void close();

    boolean isOpen();
}
