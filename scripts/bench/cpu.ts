/*
 * CPU accounting around each wrk run, from /proc: how much of a core the server got, and
 * how busy the whole machine was. On 2 cores shared with wrk (and maybe other work), a
 * server that got well under one core was starved, and its figures say so.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';

const TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

export interface CpuSample {
  at: number;
  /** CPU seconds of the server process and its direct children (nginx's worker) */
  serverSeconds: number;
  hostBusyTicks: number;
  hostTotalTicks: number;
}

export interface CpuUse {
  /** percent of one core the server used over the run */
  serverPercent: number;
  /** percent of all cores busy, whoever used them: ≈ 100 means the machine was saturated */
  hostPercent: number;
}

export function sampleCpu(pid: number): CpuSample {
  const [busy, total] = hostTicks();
  return { at: performance.now(), serverSeconds: treeSeconds(pid), hostBusyTicks: busy, hostTotalTicks: total };
}

export function cpuBetween(before: CpuSample, after: CpuSample): CpuUse {
  const wallSeconds = (after.at - before.at) / 1000;
  const totalTicks = after.hostTotalTicks - before.hostTotalTicks;
  return {
    serverPercent: wallSeconds > 0 ? (100 * (after.serverSeconds - before.serverSeconds)) / wallSeconds : 0,
    hostPercent: totalTicks > 0 ? (100 * (after.hostBusyTicks - before.hostBusyTicks)) / totalTicks : 0,
  };
}

export const CPU_COUNT = os.cpus().length;

function treeSeconds(pid: number): number {
  let children: number[] = [];
  try {
    children = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    // Older kernels lack the file; the process alone is what Node servers need anyway.
  }
  return [pid, ...children].reduce((sum, p) => sum + processSeconds(p), 0);
}

function processSeconds(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the parenthesised command name, which may itself hold spaces: utime is 14th, stime 15th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

function hostTicks(): [busy: number, total: number] {
  const line = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!;
  const [user, nice, system, idle, iowait, irq, softirq, steal] = line.trim().split(/\s+/).slice(1).map(Number) as number[];
  const busy = user! + nice! + system! + irq! + softirq! + steal!;
  return [busy, busy + idle! + iowait!];
}
