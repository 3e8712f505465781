// Which user functions compute a loss (LL016 checks what they return, LL017 their loops).
const LOSS_FUNCTION = /loss|criterion|objective/i;
const LOSS_CLASS = /loss|criterion/i;
/** Answers by function name: rules ask about every function and return, and names repeat. */
const lossFunctionNames = new Map<string, boolean>();

/** A function that computes a loss: its name or its class says so. */
export function isLossFunction(fn: string, className?: string): boolean {
  let byName = lossFunctionNames.get(fn);
  if (byName === undefined) {
    // Bounded: a long-running server sees the names of every file it ever checked.
    if (lossFunctionNames.size >= 4096) lossFunctionNames.clear();
    lossFunctionNames.set(fn, (byName = LOSS_FUNCTION.test(fn)));
  }
  return byName || (fn === 'forward' && !!className && LOSS_CLASS.test(className));
}
