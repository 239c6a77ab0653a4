/** The work events platforms report and the findings the rules produce. */
package org.gigrights.rules.model;
