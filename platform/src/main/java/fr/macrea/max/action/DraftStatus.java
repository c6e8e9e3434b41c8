package fr.macrea.max.action;

public enum DraftStatus {
    PENDING, VALIDATED, REJECTED
}
