/** Demo mode: demo platforms and accounts, and a generated city loaded into an empty database. */
package org.gigrights.server.demo;
