/** Dated rule parameters (law as data): values with the date they take effect, by region and platform. */
package org.gigrights.rules.params;
