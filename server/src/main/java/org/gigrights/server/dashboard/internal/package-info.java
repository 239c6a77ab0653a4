/** The aggregate queries behind the dashboard, within the viewer's scope. */
package org.gigrights.server.dashboard.internal;
