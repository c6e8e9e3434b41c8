package fr.macrea.max.ranking;

import java.util.Map;

/**
 * Extra score points a tenant's active brains give to some lead sources or tags (e.g. the beauty brain favours
 * "Instagram"). Every bean implementing this interface is summed; points are capped so the score stays 0-100.
 */
public interface RankingWeights {

    /** Points per lead source value (EspoCRM {@code source}), may be negative. */
    Map<String, Integer> sourcePoints();

    /** Points per tag ({@code cTags} value), may be negative. */
    Map<String, Integer> tagPoints();

    /** Where the weights come from, shown in the reasons (e.g. "cerveau Beauté"). */
    String origin();
}
