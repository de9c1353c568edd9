package org.painlab.mechanism.math;

import java.util.List;

/**
 * A model's named function (SBML functionDefinition): formal arguments and a body over them; calls are
 * inlined when compiled.
 *
 * @param id the name calls use
 * @param arguments formal argument names
 * @param body the body, reading only the arguments (and time)
 * @since 0.1
 */
public record FunctionDefinition(String id, List<String> arguments, Expr body) {
    /** Copies the arguments. */
    public FunctionDefinition {
        arguments = List.copyOf(arguments);
    }
}
