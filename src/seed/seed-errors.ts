/** The demo seed was cut short and accounts the demo did not create were added since: main prints it as one line. */
export class InterruptedSeedError extends Error {
  override name = 'InterruptedSeedError';
}
