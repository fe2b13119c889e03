import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import { ErrorLink } from '@apollo/client/link/error';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { OperationTypeNode } from 'graphql';
import { session } from '../auth/session';
import { createLiveClient } from './live-client';

/** Same origin as the page: the gateway serves both (and Vite forwards /graphql in development). */
const httpLink = new HttpLink({ uri: '/graphql' });

const authLink = new SetContextLink((prev) => {
  const token = session.token();
  return token ? { headers: { ...prev.headers, authorization: `Bearer ${token}` } } : {};
});

/** Operations whose UNAUTHENTICATED is about what was typed (a wrong current password), not the session. */
const CHECKS_A_PASSWORD = new Set(['ChangeMyPassword', 'Login', 'AcceptInvitation']);

/** A token the API no longer accepts (expired, signed out everywhere) ends the session here too. */
const sessionEndLink = new ErrorLink(({ error, operation }) => {
  if (CHECKS_A_PASSWORD.has(operation.operationName ?? '')) return;
  if (CombinedGraphQLErrors.is(error) && error.errors.some((e) => e.extensions?.code === 'UNAUTHENTICATED')) {
    if (session.token()) session.signOut();
  }
});

export function createApolloClient() {
  // Subscriptions travel over graphql-ws (the token in connection_init), everything else over HTTP.
  // After the socket was away (network, gateway restart, new session), what is on screen is re-read.
  const liveLink = new GraphQLWsLink(createLiveClient(() => void client.refetchQueries({ include: 'active' })));
  const transport = ApolloLink.split(
    (operation) => operation.operationType === OperationTypeNode.SUBSCRIPTION,
    liveLink,
    ApolloLink.from([authLink, httpLink]),
  );
  const client: ApolloClient = new ApolloClient({
    link: ApolloLink.from([sessionEndLink, transport]),
    cache: new InMemoryCache({
      typePolicies: {
        // Singletons and lists whose entries have no id of their own.
        Query: { fields: { me: { merge: true } } },
        Ballot: { fields: { myVote: { merge: true } } },
      },
    }),
    defaultOptions: { watchQuery: { fetchPolicy: 'cache-and-network' } },
  });
  return client;
}
