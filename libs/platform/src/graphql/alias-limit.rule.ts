import { GraphQLError, type ASTVisitor, type ValidationContext } from 'graphql';

/**
 * Refuses operations with more than maxAliases aliased fields: aliases let one request ask
 * for the same expensive field hundreds of times, which depth limits do not see.
 */
export function aliasLimitRule(maxAliases: number) {
  return (context: ValidationContext): ASTVisitor => {
    let aliases = 0;
    let reported = false;
    return {
      Field(node) {
        if (!node.alias) return;
        aliases += 1;
        if (aliases > maxAliases && !reported) {
          reported = true;
          context.reportError(
            new GraphQLError(`Too many aliased fields: more than ${maxAliases} in one request`, {
              nodes: [node],
              extensions: { code: 'BAD_USER_INPUT', reason: 'TOO_MANY_ALIASES' },
            }),
          );
        }
      },
    };
  };
}
