/**
 * Name registries for configuration: {@link dev.fixpoint.operators.registry.ProximalRegistry} and
 * {@link dev.fixpoint.operators.registry.OperatorRegistry} resolve specifications such as
 * {@code l1(lambda=0.1)} or {@code gradient2d(shape=64x64)} through Guice map bindings; the built-in
 * entries are contributed by the {@code operators} plugin.
 */
package dev.fixpoint.operators.registry;
