package fr.macrea.max.action.analysis;

/** Which lead to analyse. */
public record LeadAnalysisParams(String leadId) {
}
