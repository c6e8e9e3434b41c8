package fr.macrea.max.ui.wallet;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Locale;

/** Euro amounts shown next to token amounts, in the French way ("24,35 €") whatever the UI language. */
public final class Money {

    private Money() {
    }

    public static String euros(BigDecimal amount) {
        NumberFormat format = NumberFormat.getCurrencyInstance(Locale.FRANCE);
        return format.format(amount).replace('\u202f', ' ').replace('\u00a0', ' ');
    }
}
