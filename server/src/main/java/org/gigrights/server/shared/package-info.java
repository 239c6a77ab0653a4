/** What every capability shares: typed errors, the viewer's data scope, masking and the audit log. */
package org.gigrights.server.shared;
