/** Reads a worker's days and stores complaints. */
package org.gigrights.server.selfservice.internal;
