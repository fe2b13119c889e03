import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Controller, Get, Header, NotFoundException, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { AppConfig } from '@app/platform';

const requireFromHere = createRequire(join(process.cwd(), 'package.json'));

/** The files GraphiQL needs, served from node_modules so the IDE works without internet. */
const ASSETS: Record<string, { file: string; type: string }> = {
  'react.js': { file: 'react/umd/react.production.min.js', type: 'text/javascript' },
  'react-dom.js': { file: 'react-dom/umd/react-dom.production.min.js', type: 'text/javascript' },
  'graphiql.js': { file: 'graphiql/graphiql.min.js', type: 'text/javascript' },
  'graphiql.css': { file: 'graphiql/graphiql.min.css', type: 'text/css' },
};

const PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8" />
  <title>GraphiQL · Working groups</title>
  <link rel="stylesheet" href="/ide/assets/graphiql.css" />
  <style>body { margin: 0; height: 100vh; }</style>
</head>
<body>
  <div id="graphiql" style="height: 100vh"></div>
  <script src="/ide/assets/react.js"></script>
  <script src="/ide/assets/react-dom.js"></script>
  <script src="/ide/assets/graphiql.js"></script>
  <script src="/ide/assets/start.js"></script>
</body>
</html>`;

// Kept in its own file (not inline) so the Content-Security-Policy can forbid inline scripts.
const START = `const fetcher = GraphiQL.createFetcher({ url: '/graphql' });
const defaultQuery = '# Sign in with the login mutation, then add the header\\n# { "Authorization": "Bearer <accessToken>" }\\n\\nmutation {\\n  login(email: "secretariat@u4ssc.example", password: "u4ssc-demo-2016") { accessToken }\\n}\\n';
ReactDOM.createRoot(document.getElementById('graphiql')).render(React.createElement(GraphiQL, { fetcher, defaultQuery }));`;

/** GraphiQL at /ide (and GET /graphql from a browser redirects here), off in production by default. */
@Controller('ide')
export class GraphiqlController {
  constructor(private readonly config: AppConfig) {}

  @Get()
  @Header('Content-Type', 'text/html; charset=utf-8')
  page() {
    this.ensureEnabled();
    return PAGE;
  }

  @Get('assets/start.js')
  @Header('Content-Type', 'text/javascript; charset=utf-8')
  start() {
    this.ensureEnabled();
    return START;
  }

  @Get('assets/:name')
  asset(@Param('name') name: string, @Res() res: Response) {
    this.ensureEnabled();
    const asset = ASSETS[name];
    if (!asset) throw new NotFoundException();
    const [pkg, ...rest] = asset.file.split('/');
    const root = dirname(requireFromHere.resolve(`${pkg}/package.json`));
    res
      .type(asset.type)
      .set('Cache-Control', 'public, max-age=86400')
      .sendFile(join(root, ...rest));
  }

  private ensureEnabled() {
    if (!this.config.introspectionEnabled) throw new NotFoundException();
  }
}
