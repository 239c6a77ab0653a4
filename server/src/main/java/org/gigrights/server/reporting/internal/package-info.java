/** Signature checks, batch storage and event versioning behind the reporting API. */
package org.gigrights.server.reporting.internal;
