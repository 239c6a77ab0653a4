package org.gigrights.server.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskingTests {
    static final Viewer INSPECTOR = new Viewer("i", Role.INSPECTOR, null, null, null);
    static final Viewer ADMIN = new Viewer("a", Role.ADMIN, null, null, null);

    @Test
    void idAndPhoneAreMaskedUnlessTheRoleAllowsMore() {
        assertThat(Masking.idNumber("500112199001011234", INSPECTOR)).isEqualTo("5001**********1234");
        assertThat(Masking.phone("13800138000", INSPECTOR)).isEqualTo("138****8000");
        assertThat(Masking.phone("13800138000", ADMIN)).isEqualTo("13800138000");
        assertThat(Masking.phone("123", INSPECTOR)).isEqualTo("***");
    }

    @Test
    void numbersInFreeTextAreMaskedToo() {
        String raw = "e1,P1,W1,ORDER_ACCEPT,2026-04-21T10:00,o1,,500112,,id 50011219900101123X tel 13800138000";
        assertThat(Masking.text(raw, INSPECTOR))
                .isEqualTo("e1,P1,W1,ORDER_ACCEPT,2026-04-21T10:00,o1,,500112,,id 5001**********123X tel 138****8000");
        assertThat(Masking.text(raw, ADMIN)).isEqualTo(raw);
        assertThat(Masking.text("2026042110000000001", INSPECTOR)).isEqualTo("2026042110000000001");
    }

    @Test
    void scopeLimitsEachRoleToItsData() {
        assertThat(Scope.of(new Viewer("p", Role.PLATFORM, "P1", null, null), "f")
                        .sql())
                .isEqualTo(" AND f.platform = ?");
        assertThat(Scope.of(new Viewer("w", Role.WORKER, "P1", "W1", null), "").params())
                .containsExactly("P1", "W1");
        assertThat(Scope.of(new Viewer("y", Role.INSPECTOR, null, null, "500112"), "")
                        .sql())
                .isEqualTo(" AND district = ?");
        assertThat(Scope.of(INSPECTOR, "f").sql()).isEmpty();
    }
}
