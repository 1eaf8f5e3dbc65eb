package io.creditsuite.approval.domain.check;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Names as the blacklist compares them: {@code normalize(a) = normalize(b)} for spellings that differ only in width
 * (full-width "ＡＢＣ"), case, whitespace, or separators such as the middle dot of transliterated names ("·", "•", ".").
 */
public final class NameNormalizer {
    private NameNormalizer() {
    }

    public static String normalize(String name) {
        if (name == null) {
            return "";
        }
        String folded = Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(folded.length());
        folded.codePoints().filter(Character::isLetterOrDigit).forEach(out::appendCodePoint);
        return out.toString();
    }
}
