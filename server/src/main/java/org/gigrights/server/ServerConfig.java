package org.gigrights.server;

import java.time.Clock;
import org.gigrights.rules.check.RuleSet;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans shared by every capability: the clock and the rules. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GigrightsProperties.class)
public class ServerConfig {
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    RuleSet ruleSet() {
        return RuleSet.standard();
    }
}
