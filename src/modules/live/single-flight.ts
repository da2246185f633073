/**
 * One flight per key: the first request of a key leads, the identical ones that arrive while it
 * runs wait for it to land, then go on (and find its answer in the response cache). Without it, a
 * page that is popular and expensive costs one execution per request whenever its cache entry is
 * missing (expired, or after a write): ten analysts opening the same 1.3 MB page at once ran it
 * ten times side by side, and all ten finished late.
 *
 * A flight lands when its leader says so, or after `maxWaitMs` at the latest: a leader that never
 * lands (an error before its result) holds its followers up that long, once.
 */
export function singleFlight(maxWaitMs: number) {
  const flights = new Map<string, Promise<void>>();
  return {
    /**
     * Leads the flight of `key`: resolves to the function that lands it, to call once the leader's
     * answer is stored (or known not to be). Or, when a flight of `key` is on, waits for it to
     * land and resolves to undefined.
     */
    async join(key: string): Promise<(() => void) | undefined> {
      const flight = flights.get(key);
      if (flight) {
        await flight;
        return undefined;
      }
      let land!: () => void;
      const landed = new Promise<void>((resolve) => {
        const timer = setTimeout(() => land(), maxWaitMs);
        timer.unref();
        land = () => {
          clearTimeout(timer);
          if (flights.get(key) === landed) flights.delete(key);
          resolve();
        };
      });
      flights.set(key, landed);
      return land;
    },
    /** Flights on now. */
    size: () => flights.size,
  };
}
