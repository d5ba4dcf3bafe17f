/*
 * nginx as the static-file reference: one worker (as the Node server has one thread for
 * JavaScript), the precompressed file sent with sendfile, no access log, keep-alive kept.
 */
import fs from 'node:fs';
import path from 'node:path';
import { freePort, startChild, stopChild, waitForHttp } from './children.js';
import type { RunningServer } from './dossier-server.js';
import type { StaticArticle } from './static-article.js';

export const NGINX = '/usr/sbin/nginx';

export async function startNginx(article: StaticArticle): Promise<RunningServer> {
  const port = await freePort();
  const conf = path.join(article.dir, 'nginx.conf');
  fs.writeFileSync(conf, nginxConf(article.dir, port));
  // -e: the error log goes to the temp dir from the first line, not to /var/log/nginx.
  const child = startChild(NGINX, ['-c', conf, '-p', article.dir, '-e', path.join(article.dir, 'error.log')], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const origin = `http://127.0.0.1:${port}`;
  await waitForHttp(origin + article.urlPath, child);
  return { origin, pid: child.pid!, stop: () => stopChild(child) };
}

function nginxConf(dir: string, port: number): string {
  return `worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 1024; }
http {
  types { text/html html; }
  default_type application/octet-stream;
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  keepalive_timeout 65;
  # what a tuned static site has: no open()/fstat() per request
  open_file_cache max=100 inactive=60s;
  client_body_temp_path ${dir}/client_body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  server {
    listen 127.0.0.1:${port};
    root ${dir}/html;
    index index.html;
    gzip_static on;
    gzip_vary on;
  }
}
`;
}
