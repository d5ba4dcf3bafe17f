import v8 from 'node:v8';
import vm from 'node:vm';

/**
 * V8's full garbage collection, for the page cache to free dropped pages promptly (see
 * PageCache). Node hides it unless started with --expose-gc; the flag can also be set
 * before the first call, which is what this does when the process was started without it.
 */
export function fullGarbageCollection(): () => void {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (typeof exposed === 'function') return exposed;
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
}
