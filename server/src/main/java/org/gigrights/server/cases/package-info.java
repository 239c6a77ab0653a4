/** Complaints, alerts and cases from intake to evaluation: the case state machine, legal deadlines, mediation. */
package org.gigrights.server.cases;
