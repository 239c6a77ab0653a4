/** The case pages (list, detail, worker intake and status) and the platforms' signed case API. */
package org.gigrights.server.cases.web;
