package fr.macrea.max.fields;

/** A tag of the plan (a value of the multiEnum {@code cTags}). */
public record TagProposal(String value, String labelFr, String labelEn) {

    public String label(String language) {
        return "en".equals(language) ? labelEn : labelFr;
    }
}
