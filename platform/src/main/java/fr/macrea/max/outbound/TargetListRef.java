package fr.macrea.max.outbound;

/** A target list of the CRM, as the send dialog offers it. */
public record TargetListRef(String id, String name) {
}
