package fr.macrea.max.outbound;

/** A recipient about to be stored: eligible ({@code reason} null) or skipped with its reason. */
record NewRecipient(String entityType, String entityId, String name, String address, SkipReason reason,
                    String evidence) {
}
