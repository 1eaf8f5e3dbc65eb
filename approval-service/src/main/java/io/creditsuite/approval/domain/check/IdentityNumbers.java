package io.creditsuite.approval.domain.check;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * Which identity numbers are well formed, so a typo is refused at intake instead of missing a blacklist entry.
 * <ul>
 *   <li>PRC resident ID card (GB 11643): 17 digits, a valid birth date in digits 7-14, and the check character
 *   {@code "10X98765432"[sum(d_i * w_i) mod 11]} with {@code w = 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2};</li>
 *   <li>unified social credit code (GB 32100): 18 characters of {@value #USCC_CHARSET}, the last
 *   {@code charset[(31 - sum(c_i * w_i) mod 31) mod 31]} with {@code w = 3^i mod 31};</li>
 *   <li>mainland mobile phone: 11 digits starting 13-19.</li>
 * </ul>
 */
public final class IdentityNumbers {
    static final String USCC_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String ID_CHECK = "10X98765432";
    private static final Pattern ID_CARD = Pattern.compile("\\d{17}[0-9X]");
    private static final Pattern PHONE = Pattern.compile("1[3-9]\\d{9}");

    private IdentityNumbers() {
    }

    public static boolean isValidIdCard(String number) {
        if (number == null || !ID_CARD.matcher(number).matches() || !hasBirthDate(number)) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (number.charAt(i) - '0') * ID_WEIGHTS[i];
        }
        return ID_CHECK.charAt(sum % 11) == number.charAt(17);
    }

    public static boolean isValidUscc(String code) {
        if (code == null || code.length() != 18) {
            return false;
        }
        int sum = 0;
        int weight = 1;
        for (int i = 0; i < 17; i++) {
            int value = USCC_CHARSET.indexOf(code.charAt(i));
            if (value < 0) {
                return false;
            }
            sum += value * weight;
            weight = weight * 3 % 31;
        }
        int check = (31 - sum % 31) % 31;
        return USCC_CHARSET.charAt(check) == code.charAt(17);
    }

    public static boolean isValidPhone(String phone) {
        return phone != null && PHONE.matcher(phone).matches();
    }

    private static boolean hasBirthDate(String number) {
        try {
            LocalDate birth = LocalDate.of(Integer.parseInt(number.substring(6, 10)),
                    Integer.parseInt(number.substring(10, 12)), Integer.parseInt(number.substring(12, 14)));
            return birth.getYear() >= 1900;
        } catch (DateTimeException e) {
            return false;
        }
    }
}
