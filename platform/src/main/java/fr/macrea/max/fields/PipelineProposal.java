package fr.macrea.max.fields;

import java.util.List;

/** A pipeline of the plan: the ordered stages (value, FR/EN label, probability %) of an enum field. */
public record PipelineProposal(String id, String labelFr, String labelEn, String entity, String field,
                               List<Stage> stages) {

    public PipelineProposal {
        stages = stages == null ? List.of() : List.copyOf(stages);
    }

    public String label(String language) {
        return "en".equals(language) ? labelEn : labelFr;
    }

    public record Stage(String value, String labelFr, String labelEn, int probability) {
        public String label(String language) {
            return "en".equals(language) ? labelEn : labelFr;
        }
    }
}
