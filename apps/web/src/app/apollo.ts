import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import { ErrorLink } from '@apollo/client/link/error';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { session } from '../auth/session';

/** Same origin as the page: the gateway serves both (and Vite forwards /graphql in development). */
const httpLink = new HttpLink({ uri: '/graphql' });

const authLink = new SetContextLink((prev) => {
  const token = session.token();
  return token ? { headers: { ...prev.headers, authorization: `Bearer ${token}` } } : {};
});

/** A token the API no longer accepts (expired, signed out everywhere) ends the session here too. */
const sessionEndLink = new ErrorLink(({ error }) => {
  if (CombinedGraphQLErrors.is(error) && error.errors.some((e) => e.extensions?.code === 'UNAUTHENTICATED')) {
    if (session.token()) session.signOut();
  }
});

export function createApolloClient() {
  return new ApolloClient({
    link: ApolloLink.from([sessionEndLink, authLink, httpLink]),
    cache: new InMemoryCache({
      typePolicies: {
        // Singletons and lists whose entries have no id of their own.
        Query: { fields: { me: { merge: true } } },
        Ballot: { fields: { myVote: { merge: true } } },
      },
    }),
    defaultOptions: { watchQuery: { fetchPolicy: 'cache-and-network' } },
  });
}
