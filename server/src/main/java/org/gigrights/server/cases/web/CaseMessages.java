package org.gigrights.server.cases.web;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.support.AbstractResourceBasedMessageSource;
import org.springframework.stereotype.Component;

/**
 * Adds the cases' own labels ({@code messages-cases*.properties}) to the application's message source,
 * after {@code spring.messages.basename}, so the cases do not edit the shared {@code messages*.properties}.
 */
@Component
class CaseMessages implements BeanPostProcessor {
    static final String BASENAME = "messages-cases";

    @Override
    public Object postProcessAfterInitialization(Object bean, String name) {
        if ("messageSource".equals(name) && bean instanceof AbstractResourceBasedMessageSource m) {
            if (!m.getBasenameSet().contains(BASENAME)) {
                m.addBasenames(BASENAME);
            }
        }
        return bean;
    }
}
