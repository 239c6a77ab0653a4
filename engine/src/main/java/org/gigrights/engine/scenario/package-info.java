/** Legal examples as data: scenario files with events and the findings the law expects of them. */
package org.gigrights.engine.scenario;
