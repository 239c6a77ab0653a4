package org.gigrights.server.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ApiSignatureTests {
    @Test
    void signsTheCanonicalStringWithHmacSha256() {
        String body = ApiSignature.sha256Hex("".getBytes(StandardCharsets.UTF_8));
        assertThat(body).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        String s = ApiSignature.stringToSign("POST", "/api/v1/events", "1700000000000", "n-12345678", body);
        assertThat(s).isEqualTo("POST\n/api/v1/events\n1700000000000\nn-12345678\n" + body);
        String sig = ApiSignature.sign("secret", s);
        assertThat(sig).isEqualTo(ApiSignature.sign("secret", s)).isNotEqualTo(ApiSignature.sign("other", s));
        assertThat(ApiSignature.same(sig, sig)).isTrue();
    }
}
