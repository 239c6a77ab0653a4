/** The login page and the web security set-up. */
package org.gigrights.server.identity.web;
