/** The benchmark: the engine, DuckDB and a plain parse over the same generated city, side by side. */
package org.gigrights.bench;
