/**
 * Numerical building blocks of the tests: distributions and quantiles matched to R, R's
 * root finder, exact permutation and contingency-table distributions, Shapiro-Wilk, DeLong,
 * Kaplan-Meier and log-rank, effect sizes. Pure Java plus commons-statistics and commons-math3.
 */
package org.painlab.stats.internal.math;
