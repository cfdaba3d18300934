/**
 * SBML import: reads an SBML file with JSBML and builds a {@link dev.fixpoint.bio.ReactionNetwork}
 * (species, compartments, parameters, reactions with kinetic laws, inlined function definitions,
 * assignment rules, initial assignments, piecewise). Constructs the engine cannot represent are
 * rejected with a {@code [fixpoint/UnsupportedSbml]} error naming them.
 */
package dev.fixpoint.bio.sbml;
