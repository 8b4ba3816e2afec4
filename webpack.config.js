/* Webpack for the add-in: task pane (also the standalone page), ribbon commands, custom functions. */
const path = require('path');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CustomFunctionsMetadataPlugin = require('custom-functions-metadata-plugin');
const { addinUrl, prodManifest } = require('./scripts/manifest-url');

// ADDIN_URL: where IT hosts dist/ (docs/betrieb.md); only dist/manifest.prod.xml depends on it
const urlProd = addinUrl(process.env.ADDIN_URL);

/** No remote hosts: office.js is served from this add-in's own origin, the standalone page never uploads. */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  // Fluent UI (Griffel) inserts <style> elements at run time.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  // The pane frames nothing (office.js outside Office would frame Microsoft's telemetry service).
  "frame-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

async function httpsOptions() {
  // Only `npm run dev-server` / `npm start` need certificates; `npm run build` and the tests never do.
  const devCerts = require('office-addin-dev-certs');
  const o = await devCerts.getHttpsServerOptions();
  return { ca: o.ca, key: o.key, cert: o.cert };
}

module.exports = async (env, options) => {
  const dev = options.mode === 'development';
  const serving = Boolean(env && env.WEBPACK_SERVE);
  return {
    devtool: dev ? 'source-map' : false,
    entry: {
      taskpane: './src/taskpane/index.tsx',
      functions: './src/functions/functions.ts',
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: (chunk) =>
        chunk.chunk.name === 'functions' ? 'functions.js' : dev ? '[name].js' : '[name].[contenthash:8].js',
      chunkFilename: dev ? '[name].js' : '[name].[contenthash:8].js',
      clean: true,
    },
    resolve: {
      extensions: ['.ts', '.tsx', '.js'],
      // The browser build of ExcelJS (no Node streams/fs) for the standalone page.
      alias: { exceljs$: path.resolve(__dirname, 'node_modules/exceljs/dist/exceljs.min.js') },
      fallback: { fs: false, path: false, crypto: false, stream: false },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: { transpileOnly: true, compilerOptions: { module: 'esnext', sourceMap: dev } },
          },
        },
      ],
    },
    performance: { hints: false },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: 'functions.json', input: './src/functions/functions.ts' }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          {
            // office.js and the Excel host files it loads, from the npm package (no CDN).
            from: 'node_modules/@microsoft/office-js/dist',
            to: 'office-js',
            globOptions: {
              ignore: [
                '**/*.debug.js',
                ...['word', 'powerpoint', 'outlook', 'onenote', 'access', 'project', 'visio'].map(
                  (h) => `**/${h}-*`,
                ),
              ],
            },
          },
          // the SupportUrl and LearnMoreUrl of the manifest: a short German help page
          { from: 'docs/hilfe.html', to: 'hilfe.html' },
          {
            from: 'manifest.xml',
            to: dev ? 'manifest.dev.xml' : 'manifest.prod.xml',
            transform: (content) => (dev ? content : prodManifest(content, urlProd)),
          },
        ],
      }),
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        // functions.js stays an entry (manifest Script URL); the pane loads it only inside Office.
        chunks: ['taskpane'],
        templateParameters: { csp: CSP },
      }),
    ],
    devServer: {
      // STELLENPLAN_PORT: another port when 3000 is taken (the manifest for sideloading expects 3000)
      port: Number(process.env.STELLENPLAN_PORT || process.env.npm_package_config_dev_server_port || 3000),
      headers: { 'Content-Security-Policy': CSP },
      server: serving && !process.env.NO_HTTPS ? { type: 'https', options: await httpsOptions() } : 'http',
      static: { directory: path.resolve(__dirname, 'dist') },
    },
  };
};
