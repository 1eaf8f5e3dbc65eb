package io.creditsuite.approval.infrastructure.web;

import io.creditsuite.approval.domain.staff.Staff;
import io.creditsuite.approval.infrastructure.persistence.JdbcStaffDirectory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Staff sign-in for the reviewers' workbench, separate from partner keys (partners never reach this service over
 * HTTP): form login against {@code approval_staff} (a BCrypt hash per local user) or the identity provider
 * ({@link StaffOidcUsers}), a session per reviewer, CSRF
 * tokens on every form and htmx request, and {@code /actuator/**} left open for probes and Prometheus.
 * A staff member's roles become authorities {@code ROLE_<StaffRole>}; the review desk checks them again with the
 * data scope on every call, so the page guards are a convenience, not the control.
 */
@Configuration(proxyBeanMethods = false)
class WorkbenchSecurity {

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    UserDetailsService staffUsers(JdbcStaffDirectory directory) {
        return username -> {
            Staff staff = directory.find(username).orElseThrow(() -> new UsernameNotFoundException(username));
            String hash = directory.passwordHash(username).orElseThrow(() -> new UsernameNotFoundException(username));
            return User.withUsername(staff.username()).password(hash)
                    .roles(staff.roles().stream().map(Enum::name).toArray(String[]::new)).build();
        };
    }

    /**
     * {@code credit-suite.approval.workbench.login}: {@code local} (the form against approval_staff's hashes: the
     * devstack) or {@code oidc} (the identity provider registered as {@code staff}: production, application-prod.yml).
     */
    @Bean
    SecurityFilterChain workbenchChain(HttpSecurity http, JdbcStaffDirectory directory,
                                       @Value("${credit-suite.approval.workbench.login:local}") String login,
                                       @Value("${credit-suite.approval.workbench.username-claim:preferred_username}")
                                       String usernameClaim) throws Exception {
        switch (login) {
            case "local" -> http.formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/workbench", true)
                    .permitAll());
            case "oidc" -> http.oauth2Login(oidc -> oidc.loginPage("/login").defaultSuccessUrl("/workbench", true)
                    .userInfoEndpoint(user -> user.oidcUserService(new StaffOidcUsers(directory, usernameClaim))));
            default -> throw new IllegalStateException("credit-suite.approval.workbench.login must be local or oidc,"
                    + " not " + login);
        }
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/**", "/login", "/webjars/**", "/workbench.css", "/error").permitAll()
                        .requestMatchers("/workbench/rules/**").hasRole("RULE_ADMIN")
                        .requestMatchers("/workbench/team/**").hasRole("TEAM_LEAD")
                        .requestMatchers("/workbench/reports/**").hasAnyRole("TEAM_LEAD", "AUDITOR")
                        .anyRequest().authenticated())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?out"))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; frame-ancestors 'none'"))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }
}
