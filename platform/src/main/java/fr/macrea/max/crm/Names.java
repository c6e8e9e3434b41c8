package fr.macrea.max.crm;

import java.text.Normalizer;
import java.util.Locale;

/** French names, cities and CRM value distributions for generated data. */
final class Names {

    static final String[] FIRST_F = {"Marie", "Camille", "Léa", "Manon", "Chloé", "Emma", "Inès", "Sarah", "Julie",
            "Laura", "Pauline", "Sophie", "Claire", "Anaïs", "Mathilde", "Lucie", "Élodie", "Nathalie", "Isabelle",
            "Aurélie", "Céline", "Sandrine", "Amandine", "Océane", "Margaux", "Zoé", "Louise", "Jade", "Fatima", "Yasmine"};
    static final String[] FIRST_M = {"Thomas", "Nicolas", "Julien", "Maxime", "Alexandre", "Antoine", "Hugo", "Lucas",
            "Kévin", "Romain", "Mathieu", "Sébastien", "Pierre", "Guillaume", "Olivier", "François", "Laurent", "Karim",
            "Mehdi", "Yanis", "Théo", "Louis", "Arthur", "Paul", "Jérôme", "Stéphane", "Benoît", "Cédric", "Rémi", "Adrien"};
    static final String[] FIRST = concat(FIRST_F, FIRST_M);
    static final String[] LAST = {"Martin", "Bernard", "Thomas", "Petit", "Robert", "Richard", "Durand", "Dubois",
            "Moreau", "Laurent", "Simon", "Michel", "Lefebvre", "Leroy", "Roux", "David", "Bertrand", "Morel", "Fournier",
            "Girard", "Bonnet", "Dupont", "Lambert", "Fontaine", "Rousseau", "Vincent", "Muller", "Lefèvre", "Faure",
            "André", "Mercier", "Blanc", "Guérin", "Boyer", "Garnier", "Chevalier", "François", "Legrand", "Gauthier",
            "Garcia", "Perrin", "Robin", "Clément", "Morin", "Nicolas", "Henry", "Roussel", "Mathieu", "Gautier",
            "Masson", "Benali", "Haddad", "Nguyen", "Da Silva", "Ferreira", "Marchand", "Duval", "Denis", "Lemoine"};
    /** City, postal code. */
    static final String[][] CITIES = {{"Paris", "75011"}, {"Paris", "75017"}, {"Lyon", "69003"}, {"Lyon", "69007"},
            {"Marseille", "13008"}, {"Toulouse", "31000"}, {"Nice", "06000"}, {"Nantes", "44000"}, {"Strasbourg", "67000"},
            {"Montpellier", "34000"}, {"Bordeaux", "33000"}, {"Lille", "59000"}, {"Rennes", "35000"}, {"Reims", "51100"},
            {"Saint-Étienne", "42000"}, {"Toulon", "83000"}, {"Grenoble", "38000"}, {"Dijon", "21000"}, {"Angers", "49000"},
            {"Villeurbanne", "69100"}, {"Clermont-Ferrand", "63000"}, {"Le Havre", "76600"}, {"Aix-en-Provence", "13100"},
            {"Brest", "29200"}, {"Tours", "37000"}, {"Limoges", "87000"}, {"Annecy", "74000"}, {"Metz", "57000"}};
    static final String[] LEAD_STATUSES = {"New", "New", "New", "Assigned", "In Process", "In Process", "Converted",
            "Recycled", "Dead"};
    static final String[] SOURCES = {"Web Site", "Web Site", "Web Site", "Campaign", "Campaign", "Call", "Email",
            "Existing Customer", "Partner", "Public Relations", "Other"};
    static final String[] MAIL_DOMAINS = {"gmail.com", "orange.fr", "free.fr", "laposte.net", "outlook.fr", "sfr.fr",
            "hotmail.fr", "yahoo.fr"};

    private Names() {
    }

    static String slug(String s) {
        String ascii = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
