package fr.macrea.max.brain;

/** Why a brain jar was refused, in both UI languages. */
record Refusal(String fr, String en) {

    static Refusal of(String fr, String en) {
        return new Refusal(fr, en);
    }
}
