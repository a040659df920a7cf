'use strict';
// Bounded approximate string search (Sellers' algorithm): where does `pattern` occur in `text`
// with at most `maxErrors` insertions, deletions or substitutions? Plain dynamic programming over
// one column at a time, O(pattern.length * window) time and O(pattern.length) memory; callers keep
// the window small (the anchoring searches near where the span used to be first).
(function (global) {
  const ns = (global.factlint = global.factlint || {});
  if (ns.fuzzy) return;

  const MAX_PATTERN = 256;
  const MAX_CELLS = 20000000; // pattern length x window length, about 50 ms of work

  // Levenshtein distance between two short strings (context comparisons).
  function distance(a, b) {
    if (a === b) return 0;
    if (!a.length) return b.length;
    if (!b.length) return a.length;
    let prev = new Int32Array(b.length + 1);
    let cur = new Int32Array(b.length + 1);
    for (let j = 0; j <= b.length; j++) prev[j] = j;
    for (let i = 1; i <= a.length; i++) {
      cur[0] = i;
      const ca = a.charCodeAt(i - 1);
      for (let j = 1; j <= b.length; j++) {
        const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      }
      [prev, cur] = [cur, prev];
    }
    return prev[b.length];
  }

  // 1 for equal strings, 0 for nothing in common.
  function similarity(a, b) {
    const longest = Math.max(a.length, b.length);
    return longest === 0 ? 1 : 1 - distance(a, b) / longest;
  }

  // Where the match that ends at `end` starts: align the reversed pattern against the text read
  // backwards from `end`, and take the cheapest alignment (closest to the pattern's length on ties).
  function matchStart(text, pattern, end, maxErrors, from) {
    const m = pattern.length;
    const width = Math.min(end - from, m + maxErrors);
    let prev = new Int32Array(width + 1);
    let cur = new Int32Array(width + 1);
    for (let l = 0; l <= width; l++) prev[l] = l;
    for (let i = 1; i <= m; i++) {
      cur[0] = i;
      const cp = pattern.charCodeAt(m - i);
      for (let l = 1; l <= width; l++) {
        const cost = cp === text.charCodeAt(end - l) ? 0 : 1;
        cur[l] = Math.min(prev[l] + 1, cur[l - 1] + 1, prev[l - 1] + cost);
      }
      [prev, cur] = [cur, prev];
    }
    let best = -1;
    for (let l = 0; l <= width; l++) {
      if (best < 0 || prev[l] < prev[best] || (prev[l] === prev[best] && Math.abs(l - m) < Math.abs(best - m))) {
        best = l;
      }
    }
    return { start: end - best, errors: prev[best] };
  }

  // Matches of `pattern` in text[from, to) with at most `maxErrors` errors, best first; each is
  // {start, end, errors}. Returns [] when the pattern or the window is too large to search.
  function search(text, pattern, maxErrors, from = 0, to = text.length) {
    const m = pattern.length;
    from = Math.max(0, from);
    to = Math.min(text.length, to);
    if (m === 0 || m > MAX_PATTERN || to <= from || m * (to - from) > MAX_CELLS) return [];
    const column = new Int32Array(m + 1);
    for (let i = 0; i <= m; i++) column[i] = i;
    const ends = [];
    for (let j = from; j < to; j++) {
      const c = text.charCodeAt(j);
      let diag = 0; // a match may start anywhere: row 0 is always 0
      for (let i = 1; i <= m; i++) {
        const up = column[i];
        const cost = pattern.charCodeAt(i - 1) === c ? 0 : 1;
        const value = Math.min(up + 1, column[i - 1] + 1, diag + cost);
        diag = up;
        column[i] = value;
      }
      if (column[m] <= maxErrors) ends.push({ end: j + 1, errors: column[m] });
    }
    // Neighbouring end positions are the same match: keep the cheapest end of each run.
    const picked = [];
    for (const hit of ends) {
      const last = picked[picked.length - 1];
      if (last && hit.end - last.end <= maxErrors && hit.end - last.runEnd <= 1) {
        last.runEnd = hit.end;
        if (hit.errors < last.errors) Object.assign(last, { end: hit.end, errors: hit.errors });
      } else {
        picked.push({ end: hit.end, errors: hit.errors, runEnd: hit.end });
      }
    }
    const matches = picked.map((hit) => {
      const { start, errors } = matchStart(text, pattern, hit.end, maxErrors, from);
      return { start, end: hit.end, errors };
    });
    matches.sort((a, b) => a.errors - b.errors || a.start - b.start);
    return matches;
  }

  ns.fuzzy = { search, distance, similarity, MAX_PATTERN };
})(globalThis);
