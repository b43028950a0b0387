/** A few promise helpers over the plain IndexedDB API: enough for the corpus store, small
 *  enough that no library is needed. */

/** Opens (and on a new version upgrades) a database. `upgrade` runs inside the versionchange
 *  transaction. Rejects with the browser's error (e.g. storage disabled in a private window). */
export function openDatabase(name: string, version: number, upgrade: (db: IDBDatabase, oldVersion: number) => void, factory: IDBFactory = indexedDB): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = factory.open(name, version);
    request.onupgradeneeded = (event) => upgrade(request.result, event.oldVersion);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error(`could not open IndexedDB database "${name}"`));
    request.onblocked = () => reject(new Error(`IndexedDB database "${name}" is blocked by an older connection`));
  });
}

/** The result of one request, as a promise (use inside a transaction's work function). */
export function requestResult<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

/** Runs `work` in one transaction over `stores` and resolves with its value once the
 *  transaction has COMMITTED (not when the last request succeeded: a quota error may only
 *  show at commit). Rejects with the transaction's error when it aborts — every write of it
 *  is then undone — or when `work` throws (the transaction is aborted). */
export function runTransaction<T>(
  db: IDBDatabase,
  stores: string[],
  mode: IDBTransactionMode,
  work: (tx: IDBTransaction) => T | Promise<T>,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let tx: IDBTransaction;
    try {
      tx = db.transaction(stores, mode);
    } catch (error) {
      reject(error);
      return;
    }
    let value: T;
    let failure: unknown = null;
    tx.oncomplete = () => resolve(value);
    // The transaction's own error first: when a request failed, the work that awaited a later
    // request only saw that one aborted. tx.error is null when the work aborted it itself.
    tx.onabort = () => reject(tx.error ?? failure ?? new DOMException('the transaction was aborted', 'AbortError'));
    // A failed request (not prevented) aborts the transaction: its error reaches onabort.
    Promise.resolve()
      .then(() => work(tx))
      .then(
        (result) => (value = result),
        (error: unknown) => {
          failure = error;
          try {
            tx.abort();
          } catch {
            // already finished or aborting: onabort reports it
          }
        },
      );
  });
}

/** True for the errors a full disk or an exceeded quota gives (names differ by browser). */
export function isQuotaError(error: unknown): boolean {
  const name = (error as { name?: unknown } | null)?.name;
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED';
}
