import { useEffect, useRef } from './ui.js';

// How often an open view asks whether someone else recorded something. GraphQL subscriptions do not exist yet;
// until they do, a short poll of a cheap field (a version or one caseload page) keeps open views current.
export const PollMilliseconds = 5000;

// Calls check every PollMilliseconds while the tab is visible; stops when it is hidden and checks at once when it is
// shown again, so a tab in the background costs the service nothing. Off for callers who only review (see
// reviewsOnly in roles.js): every poll is a read on the access log.
export function usePoll(check, deps, enabled = true) {
  const latest = useRef(check);
  latest.current = check;
  useEffect(() => {
    if (!enabled) return undefined;
    let timer = null;
    const start = () => {
      if (timer === null) timer = setInterval(() => latest.current(), PollMilliseconds);
    };
    const stop = () => {
      clearInterval(timer);
      timer = null;
    };
    const onVisibility = () => {
      if (document.visibilityState === 'visible') {
        latest.current();
        start();
      } else stop();
    };
    if (document.visibilityState === 'visible') start();
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      stop();
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [...deps, enabled]);
}
