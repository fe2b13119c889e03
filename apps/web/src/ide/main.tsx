// GraphiQL at /ide: built with the web client, so the repository has one React version.
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import { createRoot } from 'react-dom/client';

const fetcher = createGraphiQLFetcher({ url: '/graphql' });

const defaultQuery = `# Sign in with the login mutation, then add the header
# { "Authorization": "Bearer <accessToken>" }

mutation {
  login(email: "secretariat@u4ssc.example", password: "u4ssc-demo-2016") { accessToken }
}
`;

createRoot(document.getElementById('graphiql')!).render(<GraphiQL fetcher={fetcher} defaultQuery={defaultQuery} />);
