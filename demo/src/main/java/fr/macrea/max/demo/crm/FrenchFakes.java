package fr.macrea.max.demo.crm;

import net.datafaker.Faker;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Random;

/**
 * French people and places for generated CRM data, from Datafaker's {@code fr} locale (a maintained fake-data
 * library, instead of hand-written lists). Seeded: the same seed gives the same dataset.
 */
final class FrenchFakes {

    private final Faker faker;

    FrenchFakes(long seed) {
        this.faker = new Faker(Locale.FRENCH, new Random(seed));
    }

    String firstName() {
        return faker.name().firstName();
    }

    String lastName() {
        return faker.name().lastName();
    }

    /** City and postal code. */
    String[] city() {
        return new String[]{faker.address().cityName(), faker.address().zipCode()};
    }

    /** Lower-case ASCII words joined by dashes, for e-mail addresses and web sites ("Lefèvre & Fils" -> lefevre-fils). */
    static String slug(String s) {
        String ascii = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
