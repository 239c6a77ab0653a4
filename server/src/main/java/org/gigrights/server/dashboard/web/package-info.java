/** The dashboard page. */
package org.gigrights.server.dashboard.web;
