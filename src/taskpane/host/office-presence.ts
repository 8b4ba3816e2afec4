/**
 * Is this page running inside an Office host? The same signals office.js itself reads to find its host
 * (office.js, `_OfficeAppFactory`): a host object (`window.external.GetHostInfo`, `agaveHost`), the
 * `_host_Info` query parameter, host info in `window.name`, or host info kept in sessionStorage from an
 * earlier load of this page in the same pane. Without any of them the page is the standalone page: it
 * then never loads office.js, which outside Office only tries to frame Microsoft's telemetry service.
 */
export interface PageSignals {
  search: string;
  name: string;
  storedHostInfo: string | null;
  hasHostObject: boolean;
}

export function isInsideOffice(s: PageSignals): boolean {
  if (s.hasHostObject) return true;
  if (/[?&]_host_Info=[^&#]/.test(s.search)) return true;
  if (s.storedHostInfo) return true;
  try {
    const parsed = JSON.parse(s.name) as unknown;
    return typeof parsed === 'object' && parsed !== null && 'hostInfo' in parsed;
  } catch {
    return false;
  }
}

/** The signals of the current page (browser only). */
export function pageSignals(): PageSignals {
  const w = window as unknown as { external?: { GetHostInfo?: unknown }; agaveHost?: unknown };
  let stored: string | null = null;
  try {
    stored = window.sessionStorage.getItem('hostInfoValue');
  } catch {
    // storage blocked (private mode): office.js would not find it either
  }
  return {
    search: window.location.search,
    name: window.name,
    storedHostInfo: stored,
    hasHostObject: typeof w.external?.GetHostInfo === 'function' || w.agaveHost !== undefined,
  };
}

/** Loads office.js from this add-in's own origin (the copy of @microsoft/office-js), never from a CDN. */
export function loadOfficeJs(src = 'office-js/office.js'): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`${src} konnte nicht geladen werden.`));
    document.head.appendChild(script);
  });
}
