package fr.macrea.max.kpi;

/** A KPI or suggestion definition the platform cannot evaluate (French message). */
public class KpiException extends RuntimeException {

    public KpiException(String message) {
        super(message);
    }
}
