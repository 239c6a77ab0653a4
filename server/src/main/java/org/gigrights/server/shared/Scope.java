package org.gigrights.server.shared;

import java.util.ArrayList;
import java.util.List;

/**
 * A SQL filter for a viewer's data scope, with its parameters, for tables having {@code platform},
 * {@code worker} and {@code district} columns.
 *
 * @param sql a condition starting with {@code AND}, or empty
 * @param params its positional parameters
 */
public record Scope(String sql, List<Object> params) {
    /** The filter of a viewer, for columns prefixed with {@code alias.} (or none when empty). */
    public static Scope of(Viewer v, String alias) {
        String a = alias.isEmpty() ? "" : alias + ".";
        List<Object> p = new ArrayList<>();
        String sql =
                switch (v.role()) {
                    case ADMIN, MEDIATOR -> "";
                    case INSPECTOR -> {
                        if (v.district() == null) {
                            yield "";
                        }
                        p.add(v.district());
                        yield " AND " + a + "district = ?";
                    }
                    case PLATFORM -> {
                        p.add(v.platform());
                        yield " AND " + a + "platform = ?";
                    }
                    case WORKER -> {
                        p.add(v.platform());
                        p.add(v.worker());
                        yield " AND " + a + "platform = ? AND " + a + "worker = ?";
                    }
                };
        return new Scope(sql, List.copyOf(p));
    }
}
