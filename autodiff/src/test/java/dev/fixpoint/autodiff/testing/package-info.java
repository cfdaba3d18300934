/**
 * Test utilities published in the autodiff test-jar: {@link dev.fixpoint.autodiff.testing.GradientCheck}
 * compares reverse-mode gradients, forward-mode JVPs and reverse-over-reverse Hessian-vector products
 * of any differentiable function (and so of any custom {@link dev.fixpoint.autodiff.Op}) with
 * Richardson-extrapolated central differences, checks the dot-product consistency of the two modes,
 * and runs the Taylor-remainder convergence test. Other modules' tests depend on the test-jar
 * ({@code <type>test-jar</type>, <scope>test</scope>}) to run the same contract on their operations.
 */
package dev.fixpoint.autodiff.testing;
