package org.gigrights.server.identity.web;

import java.time.Clock;
import org.gigrights.server.identity.Accounts;
import org.gigrights.server.identity.GigrightsUser;
import org.gigrights.server.reporting.internal.SignatureVerifier;
import org.gigrights.server.reporting.web.ApiAuthFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/** Two chains: the signed API (stateless, no CSRF) and the pages (form login, session, CSRF). */
@Configuration(proxyBeanMethods = false)
public class SecurityConfig {
    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    UserDetailsService userDetailsService(Accounts accounts, Clock clock) {
        return username -> accounts.find(username)
                .map(a -> new GigrightsUser(
                        a, a.lockedUntil() != null && a.lockedUntil().isAfter(clock.instant())))
                .orElseThrow(() -> new UsernameNotFoundException(username));
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, SignatureVerifier verifier) throws Exception {
        http.securityMatcher("/api/v1/**")
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new ApiAuthFilter(verifier), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a.anyRequest().permitAll());
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(a -> a.requestMatchers(
                                "/login",
                                "/error",
                                "/webjars/**",
                                "/css/**",
                                "/js/**",
                                "/actuator/health/**",
                                "/actuator/prometheus",
                                "/v3/api-docs/**",
                                "/swagger-ui/**",
                                "/swagger-ui.html")
                        .permitAll()
                        .requestMatchers("/admin/**")
                        .hasRole("ADMIN")
                        .requestMatchers("/union/**")
                        .hasAnyRole("ADMIN", "MEDIATOR")
                        .requestMatchers("/workers/**")
                        .hasAnyRole("ADMIN", "INSPECTOR", "MEDIATOR")
                        .requestMatchers("/dashboard/**")
                        .hasAnyRole("ADMIN", "INSPECTOR", "MEDIATOR")
                        .requestMatchers("/platform/**")
                        .hasAnyRole("ADMIN", "PLATFORM")
                        .requestMatchers("/me/**")
                        .hasRole("WORKER")
                        .requestMatchers("/cases/**")
                        .hasAnyRole("ADMIN", "INSPECTOR", "MEDIATOR", "PLATFORM")
                        .requestMatchers("/findings/**")
                        .hasAnyRole("ADMIN", "INSPECTOR", "MEDIATOR", "PLATFORM")
                        .anyRequest()
                        .authenticated())
                .formLogin(
                        f -> f.loginPage("/login").defaultSuccessUrl("/", true).permitAll())
                .logout(l -> l.logoutSuccessUrl("/login?logout").permitAll());
        return http.build();
    }
}
