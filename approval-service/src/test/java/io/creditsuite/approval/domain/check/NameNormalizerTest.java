package io.creditsuite.approval.domain.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NameNormalizerTest {
    @ParameterizedTest(name = "''{0}'' -> ''{1}''")
    @CsvSource(delimiter = '|', value = {
            "Bad Actor Co.|badactorco",
            "ＢＡＤ　ＡＣＴＯＲ　ＣＯ|badactorco",
            "  bad-actor  co |badactorco",
            "阿卜杜·热合曼|阿卜杜热合曼",
            "阿卜杜•热合曼|阿卜杜热合曼",
            "张 三|张三",
    })
    void spellings_that_differ_in_width_case_spacing_or_separators_normalise_alike(String name, String expected) {
        assertThat(NameNormalizer.normalize(name)).isEqualTo(expected);
    }
}
