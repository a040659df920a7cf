'use strict';
// Re-anchoring a finding in the page's text, after Hypothesis: trust the offsets when the text
// there is still the quote; else look for the quote exactly, then approximately, and choose among
// the places found by how well the text around each matches the finding's prefix and suffix.
// What cannot be anchored with confidence returns null ("not located"): never a wrong place.
(function (global) {
  const ns = (global.factlint = global.factlint || {});
  if (ns.anchor) return;
  const fuzzy = ns.fuzzy;

  const MAX_EXACT = 1000; // candidates considered for an exact quote
  const WINDOW = 4000; // first fuzzy search: this many code units either side of the old place
  const FOLD = {
    '\u00a0': ' ', '\u2007': ' ', '\u202f': ' ', '\t': ' ', '\n': ' ', '\r': ' ',
    '\u2018': "'", '\u2019': "'", '\u201a': "'", '\u2032': "'", '\u201c': '"', '\u201d': '"', '\u201e': '"',
    '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-', '\u2014': '-', '\u2212': '-',
  };  // prettier-ignore

  // A copy of `s` of exactly the same length with quotes, dashes, spaces and case made uniform.
  function fold(s) {
    let out = '';
    for (let i = 0; i < s.length; i++) {
      const ch = s[i];
      const mapped = FOLD[ch];
      if (mapped) {
        out += mapped;
        continue;
      }
      const lower = ch.toLowerCase();
      out += lower.length === 1 ? lower : ch;
    }
    return out;
  }

  // Code-point offset -> UTF-16 offset in `text` (for servers that send only code points).
  function utf16Offset(text, codePoints) {
    let units = 0;
    for (let cp = 0; cp < codePoints && units < text.length; cp++) {
      const c = text.charCodeAt(units);
      units += c >= 0xd800 && c <= 0xdbff && units + 1 < text.length ? 2 : 1;
    }
    return units;
  }

  function context(text, start, end, selector) {
    const prefix = fold(selector.prefix || '');
    const suffix = fold(selector.suffix || '');
    const before = text.slice(Math.max(0, start - prefix.length), start);
    const after = text.slice(end, end + suffix.length);
    return { prefix: fuzzy.similarity(prefix, before), suffix: fuzzy.similarity(suffix, after) };
  }

  function score(candidate, quoteLength, hint, textLength) {
    const quote = 1 - candidate.errors / Math.max(1, quoteLength);
    const nearness = 1 - Math.min(1, Math.abs(candidate.start - hint) / Math.max(1, textLength));
    return 50 * quote + 20 * candidate.prefix + 20 * candidate.suffix + 2 * nearness;
  }

  function best(candidates, text, folded, selector, hint) {
    let top = null;
    for (const c of candidates) {
      Object.assign(c, context(folded, c.start, c.end, selector));
      c.score = score(c, selector.quote.length, hint, text.length);
      if (!top || c.score > top.score) top = c;
    }
    return top;
  }

  // Where `selector` ({start, end, quote, prefix, suffix}, UTF-16 offsets into the text the
  // server saw) is in `text` now: {start, end, how, errors} with how = 'offsets' | 'quote' |
  // 'fuzzy', or null.
  function locate(text, selector) {
    const quote = selector.quote || '';
    const start = Number.isInteger(selector.start) ? selector.start : -1;
    const end = Number.isInteger(selector.end) ? selector.end : -1;
    if (start >= 0 && end > start && end <= text.length && (quote === '' || text.slice(start, end) === quote)) {
      return { start, end, how: 'offsets', errors: 0 };
    }
    if (!quote) return null;
    const folded = fold(text);
    const foldedQuote = fold(quote);
    const hint = start >= 0 ? start : 0;

    const exact = [];
    for (let at = folded.indexOf(foldedQuote); at >= 0 && exact.length < MAX_EXACT; ) {
      exact.push({ start: at, end: at + quote.length, errors: 0 });
      at = folded.indexOf(foldedQuote, at + 1);
    }
    const found = best(exact, text, folded, selector, hint);
    if (found && Math.max(found.prefix, found.suffix) >= 0.5) {
      return { start: found.start, end: found.end, how: 'quote', errors: 0 };
    }

    const maxErrors = Math.floor(quote.length / 5);
    if (maxErrors < 1) return null;
    let candidates = fuzzy.search(folded, foldedQuote, maxErrors, hint - WINDOW, hint + quote.length + WINDOW);
    if (!candidates.length) candidates = fuzzy.search(folded, foldedQuote, maxErrors);
    const near = best(candidates, text, folded, selector, hint);
    if (near && near.errors <= maxErrors && (near.prefix + near.suffix) / 2 >= 0.5) {
      return { start: near.start, end: near.end, how: 'fuzzy', errors: near.errors };
    }
    return null;
  }

  // The UTF-16 selector of a finding from the API (falls back to code points if need be).
  function selectorOf(finding, sentText) {
    let start = finding.start_utf16;
    let end = finding.end_utf16;
    if (!Number.isInteger(start) || !Number.isInteger(end)) {
      start = Number.isInteger(finding.start) ? utf16Offset(sentText, finding.start) : -1;
      end = Number.isInteger(finding.end) ? utf16Offset(sentText, finding.end) : -1;
    }
    return {
      start,
      end,
      quote: typeof finding.quote === 'string' ? finding.quote : '',
      prefix: typeof finding.prefix === 'string' ? finding.prefix : '',
      suffix: typeof finding.suffix === 'string' ? finding.suffix : '',
    };
  }

  ns.anchor = { locate, selectorOf, fold, utf16Offset };
})(globalThis);
