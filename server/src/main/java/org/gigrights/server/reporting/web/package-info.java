/** The reporting API and upload pages. */
package org.gigrights.server.reporting.web;
