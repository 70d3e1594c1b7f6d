/**
 * `node --import tsx bench/src/round-robin-process.ts <port>=<upstream>,<upstream> ...`: the
 * round-robins of `pnpm bench --instances N` (bench/src/round-robin.ts), one listener per pair of
 * processes, all in this one process so that what they cost is measured apart from the hub and
 * from the load generator. Started and stopped by bench/src/processes.ts; SIGTERM closes them.
 */
import { startRoundRobin, type RoundRobin } from './round-robin.ts';

const listeners: RoundRobin[] = [];
try {
  for (const arg of process.argv.slice(2)) {
    const [port, upstreams] = arg.split('=');
    if (!port || !upstreams) throw new Error(`expected <port>=<upstream>,<upstream>: ${arg}`);
    listeners.push(await startRoundRobin(upstreams.split(','), Number(port)));
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
for (const rr of listeners) console.log(`${rr.url} -> ${rr.upstreams.join(' ')}`);

process.once('SIGTERM', () => {
  void Promise.all(listeners.map((rr) => rr.close())).finally(() => process.exit(0));
});
