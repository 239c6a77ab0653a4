/** The {@code gigrights} command line: audit files of work events, generate test data. */
package org.gigrights.cli;
