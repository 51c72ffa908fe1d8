import { register } from 'node:module';
import { pathToFileURL } from 'node:url';

process.env.TS_NODE_TRANSPILE_ONLY ??= 'true';
register('ts-node/esm', pathToFileURL('./'));
