package fr.macrea.max.outbound;

/** One person of a send, with the consent evidence it was checked against and its per-recipient token. */
record RecipientRow(long id, long sendId, int batchNo, String entityType, String entityId, String name,
                    String address, String status, String reason, String evidence, String token, String emailId,
                    boolean logged) {
}
