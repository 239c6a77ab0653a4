/** Accounts, roles, logins with lockout, and the viewer's data scope. */
package org.gigrights.server.identity;
