/*
 * A worker thread of rebuildAllRelated: runs TextWork (article-text-work.ts) for the
 * requests the main thread posts, one at a time, replying to each in order.
 */
import { parentPort } from 'node:worker_threads';
import { createTextWork, type TextWorkReply, type TextWorkRequest } from './article-text-work.js';

const work = createTextWork();

parentPort!.on('message', (request: TextWorkRequest) => {
  let reply: TextWorkReply;
  try {
    switch (request.method) {
      case 'count':
        reply = { ok: true, result: work.count(request.articles) };
        break;
      case 'counts':
        reply = { ok: true, result: work.counts() };
        break;
      case 'useVocabulary':
        reply = { ok: true, result: work.useVocabulary(request.terms, request.counts, request.publishedCount) };
        break;
      case 'weigh':
        reply = { ok: true, result: work.weigh(request.articles) };
        break;
    }
  } catch (error) {
    reply = { ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  parentPort!.postMessage(reply);
});
