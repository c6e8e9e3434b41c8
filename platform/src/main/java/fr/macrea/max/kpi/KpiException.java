package fr.macrea.max.kpi;

import fr.macrea.max.shared.LocalizedException;
import fr.macrea.max.shared.Message;

/** A KPI or suggestion definition the platform cannot evaluate; {@link #message()} says why. */
public class KpiException extends LocalizedException {

    public KpiException(Message message) {
        super(message);
    }
}
