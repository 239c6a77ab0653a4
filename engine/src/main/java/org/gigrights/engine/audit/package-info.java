/** One audit run: inputs in, findings and a summary out. */
package org.gigrights.engine.audit;
