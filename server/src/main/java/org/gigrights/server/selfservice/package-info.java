/** The worker's own mobile-first page: their days, their findings in plain words, complaints. */
package org.gigrights.server.selfservice;
