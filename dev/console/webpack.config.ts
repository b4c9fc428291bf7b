/**
 * The console stand-in's host bundle (dev/console/dist/host.js). Development
 * mode without source maps keeps the build to a few seconds; PatternFly CSS is
 * served as files, not bundled.
 */
import * as path from 'path';
import type { Configuration } from 'webpack';

const config: Configuration = {
  mode: 'development',
  devtool: false,
  context: __dirname,
  entry: { host: './host/index.tsx' },
  output: { path: path.resolve(__dirname, 'dist'), filename: '[name].js', clean: true },
  resolve: { extensions: ['.ts', '.tsx', '.js', '.jsx'] },
  module: {
    rules: [
      {
        test: /\.tsx?$/,
        exclude: /node_modules/,
        use: [
          {
            loader: 'ts-loader',
            options: {
              transpileOnly: true,
              configFile: path.resolve(__dirname, '../../tsconfig.json'),
              compilerOptions: { module: 'esnext', moduleResolution: 'bundler', noEmit: false },
            },
          },
        ],
      },
    ],
  },
  performance: { hints: false },
  stats: 'errors-warnings',
};

export default config;
