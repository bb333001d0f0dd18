/**
 * Reading a page's main-thread tasks from a Chromium trace, for the benchmarks of the widget
 * (`run.ts`) and of the extension's content script (`content-script.ts`).
 */

/** One event of a Chromium trace, as far as the benchmarks read it. */
export interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly pid: number;
  readonly tid: number;
  readonly ts: number;
  readonly dur?: number;
  readonly args?: { name?: string; data?: { url?: string; isMainFrame?: boolean } };
}

/** A task of a thread in Chromium's trace: its name depends on the categories recorded. */
const TASK_EVENTS = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);

/** The tasks of one page's renderer main thread, in ms. */
export interface MainThreadTasks {
  /** The page's renderer process. */
  readonly pid: number;
  /** Every task of that thread in the trace. */
  readonly all: readonly number[];
  /** Those that end after the script whose address ends in `script` starts compiling; none if it never did. */
  readonly fromScript: readonly number[] | undefined;
}

/**
 * The main-thread tasks of the page that `page.url` navigated to (or of renderer `page.pid`), and
 * those from the compilation of `script` on: what the page's own loading did before it is not the
 * script's work.
 */
export function mainThreadTasks(
  events: readonly TraceEvent[],
  page: { readonly url?: string; readonly pid?: number },
  script: string,
): MainThreadTasks {
  const pid =
    page.pid ??
    events.find(
      (e) => e.name === 'CommitLoad' && e.args?.data?.isMainFrame && e.args.data.url === page.url,
    )?.pid;
  if (pid === undefined) throw new Error(`no navigation to ${page.url} in the trace`);
  const main = events.find(
    (e) => e.name === 'thread_name' && e.pid === pid && e.args?.name === 'CrRendererMain',
  );
  if (main === undefined) throw new Error(`no main thread for renderer ${pid}`);
  const onMain = (e: TraceEvent): boolean => e.pid === pid && e.tid === main.tid;
  const tasks = events.filter((e) => TASK_EVENTS.has(e.name) && e.ph === 'X' && onMain(e));
  const compiled = events.find(
    (e) => e.name.startsWith('v8.compile') && onMain(e) && e.args?.data?.url?.endsWith(script),
  );
  const ms = (e: TraceEvent): number => (e.dur ?? 0) / 1000;
  return {
    pid,
    all: tasks.map(ms),
    fromScript: compiled && tasks.filter((e) => e.ts + (e.dur ?? 0) >= compiled.ts).map(ms),
  };
}

/** The median of some figures (the upper one of an even count). */
export function middle(values: readonly number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}
