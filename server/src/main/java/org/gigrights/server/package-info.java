/** The gigrights service: a modular monolith with one package per capability. */
package org.gigrights.server;
