/** Finding lists, one finding with its evidence, exports, and the findings API. */
package org.gigrights.server.findings.web;
