/**
 * The benchmark and the second implementation: the engine, DuckDB and a plain parse over the same
 * generated city, side by side, and every rule written again in SQL to check the engine against.
 */
package org.gigrights.bench;
