package fr.macrea.max.fields;

/** Where one step of a migration is; committed before the next step starts. Labels: {@code fields.step.*}. */
public enum StepState {
    PENDING, APPLIED, FAILED, REVERSED;

    public String labelKey() {
        return "fields.step." + name();
    }
}
