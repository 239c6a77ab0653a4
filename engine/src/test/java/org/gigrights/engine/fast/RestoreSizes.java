package org.gigrights.engine.fast;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Puts back the parse range size and the segment size a test shrank to cut small inputs into many
 * ranges, so that the next test runs with the defaults.
 */
final class RestoreSizes implements BeforeEachCallback, AfterEachCallback {
    private static final ExtensionContext.Namespace SIZES = ExtensionContext.Namespace.create(RestoreSizes.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        context.getStore(SIZES).put("chunk", Reading.chunk);
        context.getStore(SIZES).put("segmentBits", Rows.segmentBits);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Reading.chunk = context.getStore(SIZES).get("chunk", Integer.class);
        Rows.segmentBits = context.getStore(SIZES).get("segmentBits", Integer.class);
    }
}
