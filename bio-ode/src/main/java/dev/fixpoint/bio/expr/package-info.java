/**
 * The expression language of reaction-network models: immutable trees ({@link dev.fixpoint.bio.expr.Expression}),
 * an infix parser, symbolic differentiation and compilation into allocation-free postfix evaluators.
 */
package dev.fixpoint.bio.expr;
