/** The legal rules, one class each, run over one worker's event history. */
package org.gigrights.rules.check;
