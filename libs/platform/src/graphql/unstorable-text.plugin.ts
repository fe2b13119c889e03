import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, visit, type DocumentNode } from 'graphql';

/** NUL and unpaired UTF-16 surrogates: PostgreSQL text cannot hold them. */
// eslint-disable-next-line no-control-regex -- finding the NUL character is the point
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function findUnstorable(value: unknown, path: string): string | null {
  if (typeof value === 'string') return UNSTORABLE.test(value) ? path : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) {
      const found = findUnstorable(value[i], `${path}[${i}]`);
      if (found) return found;
    }
  } else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      const found = findUnstorable(inner, path ? `${path}.${key}` : key);
      if (found) return found;
    }
  }
  return null;
}

function literalWithUnstorable(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    StringValue(node) {
      if (UNSTORABLE.test(node.value)) found = true;
    },
    [Kind.DOCUMENT]: undefined,
  });
  return found;
}

/**
 * Refuses, before any resolver runs, text that no database column can store (a NUL byte or
 * a lone surrogate) in variables or literals: BAD_USER_INPUT naming the variable, instead of
 * a database error halfway through a mutation.
 */
export function unstorableTextPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          const path = findUnstorable(request.variables ?? {}, '');
          if (path || literalWithUnstorable(document)) {
            const field = path ?? 'query';
            throw new GraphQLError(`${field} contains a character that cannot be stored (NUL or an unpaired surrogate)`, {
              extensions: {
                code: 'BAD_USER_INPUT',
                fields: [{ field, message: 'contains a NUL byte or an unpaired surrogate' }],
                http: { status: 400 },
              },
            });
          }
        },
      };
    },
  };
}
