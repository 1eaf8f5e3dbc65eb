package io.creditsuite.middleware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JdbcUrlsTest {

    @Test
    void the_database_replaces_the_path_and_keeps_the_parameters() {
        assertThat(JdbcUrls.withDatabase("jdbc:mysql://127.0.0.1:3306/?sslMode=DISABLED", "credit"))
                .isEqualTo("jdbc:mysql://127.0.0.1:3306/credit?sslMode=DISABLED");
        assertThat(JdbcUrls.withDatabase("jdbc:mysql://db:3306/other", "ledger"))
                .isEqualTo("jdbc:mysql://db:3306/ledger");
        assertThat(JdbcUrls.withDatabase("jdbc:mariadb://db", "ledger"))
                .isEqualTo("jdbc:mariadb://db/ledger");
    }

    @Test
    void the_server_url_has_no_database() {
        assertThat(JdbcUrls.withoutDatabase("jdbc:mysql://h:1/x?a=b")).isEqualTo("jdbc:mysql://h:1/?a=b");
    }

    @Test
    void names_that_could_inject_sql_or_are_not_urls_are_rejected() {
        assertThatThrownBy(() -> JdbcUrls.withDatabase("jdbc:mysql://h/", "a`; DROP"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JdbcUrls.withDatabase("jdbc:mysql://h/", "1abc"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JdbcUrls.withDatabase("jdbc:postgresql://h/", "credit"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
