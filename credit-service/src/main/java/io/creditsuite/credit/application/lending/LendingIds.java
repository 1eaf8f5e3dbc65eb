package io.creditsuite.credit.application.lending;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;

/**
 * The ids lending makes: loan ({@code LN...}), customer ({@code CU...}), repayment ({@code RP...}) ids sort by creation
 * time (a prefix, the epoch milliseconds in 9 base-36 digits, then 10 random base-36 digits: 21 characters), and the
 * partner-scoped ids of credit operations ({@link #scoped}).
 */
public class LendingIds {
    private static final char[] DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz".toCharArray();
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public LendingIds(Clock clock) {
        this.clock = clock;
    }

    public String loanId() {
        return next("LN");
    }

    public String customerId() {
        return next("CU");
    }

    public String repaymentId() {
        return next("RP");
    }

    private String next(String prefix) {
        StringBuilder id = new StringBuilder(prefix);
        String millis = Long.toString(clock.millis(), 36);
        id.append("0".repeat(Math.max(0, 9 - millis.length()))).append(millis);
        for (int i = 0; i < 10; i++) {
            id.append(DIGITS[random.nextInt(DIGITS.length)]);
        }
        return id.toString();
    }

    /**
     * A partner's id of a credit operation (hold id, request id), scoped to the partner: {@code P:} + the first 40 hex
     * digits of SHA-256(partnerId + '\n' + id), 42 characters. Two partners' equal ids never meet, and a caller of the
     * plain credit API cannot write one (its request ids may not contain ':'). A hash, not {@code P:<partner>:<id>}:
     * the partner's id alone may be 64 characters, the credit ids' limit.
     */
    public static String scoped(String partnerId, String id) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((partnerId + "\n" + id).getBytes(StandardCharsets.UTF_8));
            return "P:" + HexFormat.of().formatHex(digest).substring(0, 40);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
