/**
 * Running suites: the {@link dev.fixpoint.core.suite.SuiteRegistry} of all suites contributed by
 * plugins, the {@link dev.fixpoint.core.suite.SuiteRunner} that validates parameters and writes
 * reports atomically, and the text forms of reports ({@link dev.fixpoint.core.suite.ReportFormats}).
 */
package dev.fixpoint.core.suite;
