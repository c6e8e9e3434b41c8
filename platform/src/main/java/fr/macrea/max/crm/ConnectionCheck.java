package fr.macrea.max.crm;

/** A successful connection test: EspoCRM accepted the credentials and says how many leads it holds (-1: not said). */
public record ConnectionCheck(String baseUrl, long leads) {
}
