package com.sparecast.jobs.generate;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Invented but realistic-looking customer data for the returns feed. Every e-mail address is
 * on a reserved example domain and every phone number is in a range set aside for fiction
 * where the country has one, so the values cannot reach a real person, and a test can find
 * them in any output by scanning for the strings of the returns files.
 */
final class PersonalData {

    record Customer(String name, String email, String phone, String address) {
    }

    private static final String[] FIRST = {
        "Amélie", "Bastian", "Cathal", "Dörte", "Eirik", "Fenna", "Giulia", "Hamish", "Ingrid", "Joaquín",
        "Kasimir", "Liesel", "Maëlle", "Niamh", "Oskar", "Pernille", "Quirin", "Rosalind", "Søren", "Thiago",
        "Ulla", "Valentijn", "Wilhelmina", "Xavière", "Yuki", "Zoë", "Aiko", "Bram", "Cosima", "Desmond",
        "Elowen", "Florentyna", "Gunnhild", "Haruto", "Isolde", "Jarrah", "Kalani", "Leopoldine", "Mireille", "Nuno"};

    private static final String[] LAST = {
        "Achterberg", "Brannigan-Vos", "Castellanos", "D'Arcy", "Eskilsdotter", "Fairweather", "Grünewald",
        "Halloran", "Ijzerman", "Jovanović", "Kettleborough", "Lindqvist", "Marchetti", "Nakagawa", "O'Rourke",
        "Pfaffenrath", "Quennell", "Ravensworth", "Szczepańska", "Tanabe", "Uhlenbrock", "Van der Poel",
        "Wetherspoon", "Ximénez", "Yoshimura", "Zwanenburg", "Abernethy", "Blomqvist", "Carvalho", "Dunstable"};

    private static final String[] DOMAINS = {"example.com", "example.net", "example.org", "mail.example.com"};

    private static final String[] STREETS = {
        "Keizersgracht", "Rue des Tanneurs", "Lindenallee", "Storgatan", "High Street", "Maple Avenue",
        "Sakura-dori", "Rua das Flores", "Calle del Olmo", "Bahnhofstraße", "Mill Lane", "Harbour Road",
        "Unit 4 \"The Maltings\", Station Road", "Chemin du Moulin", "Kirkegade", "Esplanadi"};

    private static String city(SplittableRandom rng, String country) {
        String[] cities = switch (country) {
            case "FR" -> new String[] {"Lyon", "Nantes", "Lille"};
            case "DE" -> new String[] {"Hamburg", "Köln", "Leipzig"};
            case "NL" -> new String[] {"Utrecht", "Zwolle", "Eindhoven"};
            case "BE" -> new String[] {"Gent", "Liège", "Brugge"};
            case "SE" -> new String[] {"Göteborg", "Umeå", "Malmö"};
            case "DK" -> new String[] {"Aarhus", "Odense"};
            case "FI" -> new String[] {"Tampere", "Oulu"};
            case "GB" -> new String[] {"Leeds", "Bristol", "Norwich"};
            case "IE" -> new String[] {"Cork", "Galway"};
            case "US" -> new String[] {"Denver", "Columbus", "Tucson"};
            case "CA" -> new String[] {"Winnipeg", "Halifax"};
            case "JP" -> new String[] {"Osaka", "Sapporo", "Fukuoka"};
            case "AU" -> new String[] {"Perth", "Hobart"};
            case "SG" -> new String[] {"Singapore"};
            case "BR" -> new String[] {"Campinas", "Curitiba"};
            case "MX" -> new String[] {"Guadalajara", "Monterrey"};
            default -> new String[] {"Springfield"};
        };
        return cities[rng.nextInt(cities.length)];
    }

    private PersonalData() {
    }

    static Customer draw(SplittableRandom rng, String country) {
        String first = FIRST[rng.nextInt(FIRST.length)];
        String last = LAST[rng.nextInt(LAST.length)];
        String local = ascii(first) + "." + ascii(last) + (rng.nextInt(4) == 0 ? Integer.toString(rng.nextInt(10, 99)) : "");
        String email = local + "@" + DOMAINS[rng.nextInt(DOMAINS.length)];
        String phone = phone(rng, country);
        int number = 1 + rng.nextInt(240);
        String street = STREETS[rng.nextInt(STREETS.length)];
        String address = (street.startsWith("Unit") ? street : number + " " + street) + ", "
                + postcode(rng, country) + " " + city(rng, country) + ", " + country;
        return new Customer(first + " " + last, email, phone, address);
    }

    private static String phone(SplittableRandom rng, String country) {
        return switch (country) {
            // Ofcom's drama range and the North American 555-01xx fiction range.
            case "GB" -> "+44 7700 900" + digits(rng, 3);
            case "US", "CA" -> "+1 " + (200 + rng.nextInt(700)) + "-555-01" + digits(rng, 2);
            case "AU" -> "+61 4 9100 0" + digits(rng, 3);
            case "FR" -> "+33 6 39 98 " + digits(rng, 2) + " " + digits(rng, 2);
            case "DE" -> "+49 176 0" + digits(rng, 7);
            default -> "+" + countryCode(country) + " 555 0" + digits(rng, 3) + " " + digits(rng, 3);
        };
    }

    private static String countryCode(String country) {
        return switch (country) {
            case "NL" -> "31";
            case "BE" -> "32";
            case "SE" -> "46";
            case "DK" -> "45";
            case "FI" -> "358";
            case "IE" -> "353";
            case "JP" -> "81";
            case "SG" -> "65";
            case "BR" -> "55";
            case "MX" -> "52";
            default -> "99";
        };
    }

    private static String postcode(SplittableRandom rng, String country) {
        return switch (country) {
            case "NL" -> digits(rng, 4) + " " + (char) ('A' + rng.nextInt(26)) + (char) ('A' + rng.nextInt(26));
            case "GB" -> "LS" + (1 + rng.nextInt(20)) + " " + rng.nextInt(10) + (char) ('A' + rng.nextInt(26))
                    + (char) ('A' + rng.nextInt(26));
            case "US" -> digits(rng, 5);
            case "JP" -> digits(rng, 3) + "-" + digits(rng, 4);
            case "BR" -> digits(rng, 5) + "-" + digits(rng, 3);
            default -> digits(rng, 5);
        };
    }

    private static String digits(SplittableRandom rng, int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append((char) ('0' + rng.nextInt(10)));
        }
        return sb.toString();
    }

    /** Lower-case ASCII for an e-mail local part. */
    static String ascii(String s) {
        String n = java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        n = n.replace("ø", "o").replace("Ø", "O").replace("ß", "ss").replace("ł", "l");
        return n.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
