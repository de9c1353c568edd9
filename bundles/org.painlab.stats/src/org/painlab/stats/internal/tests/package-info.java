/**
 * The built-in statistical tests (one public class per method id, contributed to the extension
 * point org.painlab.stats.tests) and the small helpers they share. Internal: callers use
 * {@link org.painlab.stats.StatisticalTest} and find implementations through the registry.
 */
package org.painlab.stats.internal.tests;
