/** The legal rules for gig workers' rights as code, with their dated parameters and no framework. */
package org.gigrights.rules;
