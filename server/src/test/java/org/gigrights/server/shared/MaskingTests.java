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
