package org.gigrights.server.demo;

import org.gigrights.server.GigrightsProperties;
import org.gigrights.server.cases.internal.CaseTriggers;
import org.gigrights.server.identity.Accounts;
import org.gigrights.server.shared.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * On start: the admin account when {@code gigrights.security.admin-password} is set; in demo mode
 * the demo platforms, accounts and city, then the URL and the accounts.
 */
@Component
public class Startup implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(Startup.class);

    private final GigrightsProperties props;
    private final Accounts accounts;
    private final DemoSeeder seeder;
    private final Environment env;
    private final CaseTriggers triggers;

    public Startup(
            GigrightsProperties props, Accounts accounts, DemoSeeder seeder, Environment env, CaseTriggers triggers) {
        this.triggers = triggers;
        this.props = props;
        this.accounts = accounts;
        this.seeder = seeder;
        this.env = env;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        String admin = props.security().adminPassword();
        if (admin != null && !admin.isBlank()) {
            accounts.create("admin", admin, Role.ADMIN, "系统管理员", null, null, null, null, null);
        }
        if (!props.demo().enabled()) {
            return;
        }
        seeder.accounts();
        long t0 = System.nanoTime();
        if (seeder.seed(line -> System.out.println("demo: " + line))) {
            System.out.printf("demo: city loaded in %.1f s%n", (System.nanoTime() - t0) / 1e9);
            System.out.println("demo: " + triggers.scan() + " automatic cases opened from findings");
        }
        String port = env.getProperty("local.server.port", env.getProperty("server.port", "8080"));
        String pw = props.demo().password();
        System.out.println();
        System.out.println("gigrights demo is running: http://localhost:" + port + "/");
        System.out.println("  accounts (password " + pw + "):");
        System.out.println("    inspector  监管驾驶舱 (all districts)    yubei   渝北区 inspector");
        System.out.println("    union      工会调解员                    admin   系统管理员");
        System.out.println("    platform   平台企业 渝快送               worker  劳动者 (mobile page)");
        System.out.println("  API: http://localhost:" + port + "/swagger-ui.html  health: /actuator/health");
        log.info("demo ready");
    }
}
