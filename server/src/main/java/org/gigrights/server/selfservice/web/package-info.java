/** The worker page and the complaint form. */
package org.gigrights.server.selfservice.web;
