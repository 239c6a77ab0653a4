package org.gigrights.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The gigrights service. */
@SpringBootApplication
public class GigrightsServer {
    public static void main(String[] args) {
        SpringApplication.run(GigrightsServer.class, args);
    }
}
