/** A deterministic generator of realistic platform work data for a city, streamed to a file. */
package org.gigrights.engine.generate;
