package org.gigrights.server.demo;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gigrights.engine.generate.CityGenerator;
import org.gigrights.engine.generate.PlatformProfile;
import org.gigrights.engine.ingest.Ingest;
import org.gigrights.engine.ingest.Input;
import org.gigrights.engine.ingest.Rejection;
import org.gigrights.rules.model.WorkEvent;
import org.gigrights.server.GigrightsProperties;
import org.gigrights.server.identity.Accounts;
import org.gigrights.server.reporting.internal.BulkLoader;
import org.gigrights.server.shared.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Creates the demo platforms and accounts, and loads a generated city when there are no events yet. */
@Component
public class DemoSeeder {
    /** The display names of the generated city's platforms, in {@link PlatformProfile#CITY} order. */
    static final String[] NAMES = {"山城外卖", "渝快送", "巴渝出行", "两江约车", "重庆货运通"};

    private final GigrightsProperties.Demo demo;
    private final Accounts accounts;
    private final BulkLoader loader;
    private final JdbcClient jdbc;

    public DemoSeeder(GigrightsProperties props, Accounts accounts, BulkLoader loader, JdbcClient jdbc) {
        this.demo = props.demo();
        this.accounts = accounts;
        this.loader = loader;
        this.jdbc = jdbc;
    }

    /** The demo access key of a platform. */
    public static String accessKey(int i) {
        return "AK-DEMO-0" + (i + 1);
    }

    /** The demo secret key of a platform (demo mode only). */
    public static String secretKey(int i) {
        return "SK-DEMO-0" + (i + 1) + "-not-for-production";
    }

    /** Creates platforms and accounts (idempotent). */
    public void accounts() {
        String pw = demo.password();
        for (int i = 0; i < PlatformProfile.CITY.length; i++) {
            accounts.createPlatform(PlatformProfile.CITY[i].code(), NAMES[i], accessKey(i), secretKey(i));
        }
        accounts.create("admin", pw, Role.ADMIN, "系统管理员", null, null, null, null, null);
        accounts.create("inspector", pw, Role.INSPECTOR, "市人社局监察员", null, null, null, null, null);
        accounts.create("yubei", pw, Role.INSPECTOR, "渝北区人社局监察员", null, null, "500112", null, null);
        accounts.create("union", pw, Role.MEDIATOR, "市总工会调解员", null, null, null, null, null);
        accounts.create(
                "platform", pw, Role.PLATFORM, NAMES[1], PlatformProfile.CITY[1].code(), null, null, null, null);
    }

    /** Loads the generated city when no events are stored; returns false when there were some. */
    public boolean seed(java.util.function.Consumer<String> progress) throws IOException {
        long events = jdbc.sql("SELECT count(*) FROM event").query(Long.class).single();
        if (events > 0) {
            return false;
        }
        progress.accept("generating " + demo.workers() + " workers x " + demo.days() + " days ...");
        CityGenerator gen = new CityGenerator(
                new CityGenerator.Options(demo.workers(), demo.days(), demo.seed(), demo.start(), false));
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 24);
        long rows = gen.write(out, n -> {});
        byte[] bytes = out.toByteArray();
        out = null;
        progress.accept("reading " + rows + " rows ...");
        List<Rejection> rejects = new ArrayList<>();
        Ingest ingest = new Ingest(rejects::add, w -> {}, n -> progress.accept("  " + n + " rows read"));
        ingest.read(new Input("demo-city.csv", () -> new ByteArrayInputStream(bytes), Input.Format.CSV, false));
        Map<String, Map<String, List<WorkEvent>>> byPlatform = ingest.finish();
        loader.load(byPlatform, rejects, progress);
        workerAccount(byPlatform);
        return true;
    }

    /** A worker account for the first worker of the second platform with findings. */
    private void workerAccount(Map<String, Map<String, List<WorkEvent>>> byPlatform) {
        String platform = PlatformProfile.CITY[1].code();
        String worker = jdbc.sql("SELECT worker FROM finding WHERE platform = ? AND gone_at IS NULL"
                        + " GROUP BY worker ORDER BY count(DISTINCT rule) DESC, worker LIMIT 1")
                .param(platform)
                .query(String.class)
                .optional()
                .orElse(byPlatform.get(platform).keySet().iterator().next());
        accounts.create(
                "worker",
                demo.password(),
                Role.WORKER,
                "张师傅",
                platform,
                worker,
                null,
                "500112199001011234",
                "13800138000");
    }
}
