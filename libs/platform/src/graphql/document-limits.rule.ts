import { GraphQLError, type ASTNode, type ASTVisitor, type ValidationContext } from 'graphql';

/**
 * A validation rule refusing documents with more than `max` nodes of one kind, once, with
 * BAD_USER_INPUT and `reason`. Each node of the document is counted once (graphql's visitor
 * does not follow fragment spreads), so the rule is linear in the document.
 */
function countLimitRule(
  kind: 'Field' | 'FragmentSpread',
  counts: (node: ASTNode) => boolean,
  max: number,
  message: string,
  reason: string,
) {
  return (context: ValidationContext): ASTVisitor => {
    let seen = 0;
    return {
      [kind](node: ASTNode) {
        if (!counts(node) || ++seen !== max + 1) return;
        context.reportError(new GraphQLError(message, { nodes: [node], extensions: { code: 'BAD_USER_INPUT', reason } }));
      },
    };
  };
}

/**
 * Refuses operations with more than maxAliases aliased fields: aliases let one request ask
 * for the same expensive field hundreds of times, which depth limits do not see.
 */
export const aliasLimitRule = (maxAliases: number) =>
  countLimitRule(
    'Field',
    (node) => 'alias' in node && !!node.alias,
    maxAliases,
    `Too many aliased fields: more than ${maxAliases} in one request`,
    'TOO_MANY_ALIASES',
  );

/**
 * Refuses documents with more than maxSpreads fragment spreads: each spread may multiply the
 * work of the fragments below it, and graphql's own rule that fields merge compares them in pairs.
 */
export const fragmentSpreadLimitRule = (maxSpreads: number) =>
  countLimitRule(
    'FragmentSpread',
    () => true,
    maxSpreads,
    `Too many fragment spreads: more than ${maxSpreads} in one request`,
    'TOO_MANY_FRAGMENT_SPREADS',
  );
