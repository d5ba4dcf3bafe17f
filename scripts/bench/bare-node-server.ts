/*
 * The second reference, run as its own process: Node's bare `http` module answering every
 * request with the same precompressed buffer and the headers Dossier's cache sends. It is
 * the ceiling for any Node server on this machine, whatever the framework.
 * Usage: node --import tsx scripts/bench/bare-node-server.ts <port> <file.gz>
 */
import fs from 'node:fs';
import http from 'node:http';

const [port, gzFile] = process.argv.slice(2);
if (!port || !gzFile) throw new Error('usage: bare-node-server.ts <port> <file.gz>');
const body = fs.readFileSync(gzFile);
const headers = {
  'content-type': 'text/html; charset=utf-8',
  'content-encoding': 'gzip',
  'content-length': String(body.length),
  vary: 'Accept-Encoding',
  etag: `"${body.length.toString(16)}"`,
  'cache-control': 'public, max-age=0, must-revalidate',
};

http
  .createServer((_request, response) => {
    response.writeHead(200, headers);
    response.end(body);
  })
  .listen(Number(port), '127.0.0.1');
