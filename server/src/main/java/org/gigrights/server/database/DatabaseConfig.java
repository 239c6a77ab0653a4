package org.gigrights.server.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gigrights.server.GigrightsProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The data source: {@code gigrights.db.url} when set, else an embedded PostgreSQL whose files live
 * in {@code gigrights.db.data-dir} and survive restarts.
 */
@Configuration(proxyBeanMethods = false)
public class DatabaseConfig {
    private static final Logger log = LoggerFactory.getLogger(DatabaseConfig.class);

    /** Holds the embedded server, if any, so that it stops with the application. */
    public static final class EmbeddedServer implements AutoCloseable {
        private final EmbeddedPostgres postgres;

        EmbeddedServer(EmbeddedPostgres postgres) {
            this.postgres = postgres;
        }

        public int port() {
            return postgres == null ? -1 : postgres.getPort();
        }

        @Override
        public void close() throws IOException {
            if (postgres != null) {
                postgres.close();
            }
        }
    }

    @Bean(destroyMethod = "close")
    EmbeddedServer embeddedServer(GigrightsProperties props) throws IOException {
        GigrightsProperties.Db db = props.db();
        if (!db.embedded()) {
            return new EmbeddedServer(null);
        }
        Path dir = db.dataDir().toAbsolutePath();
        Files.createDirectories(dir);
        log.info("Starting the embedded PostgreSQL with its data in {}", dir);
        EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(false)
                .setPort(db.embeddedPort())
                .setServerConfig("max_connections", "50")
                .start();
        return new EmbeddedServer(pg);
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(GigrightsProperties props, EmbeddedServer embedded) {
        GigrightsProperties.Db db = props.db();
        HikariConfig config = new HikariConfig();
        if (db.embedded()) {
            config.setJdbcUrl("jdbc:postgresql://localhost:" + embedded.port() + "/postgres");
            config.setUsername("postgres");
            config.setPassword("postgres");
        } else {
            config.setJdbcUrl(db.url());
            config.setUsername(db.user());
            config.setPassword(db.password());
        }
        config.setMaximumPoolSize(10);
        config.setPoolName("gigrights");
        return new HikariDataSource(config);
    }
}
