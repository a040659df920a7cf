'use strict';
// What one check amounts to, in the same words in the extension's popup and badge and on the page
// at /: a text that is not about the sheet's event is not judged; a clean result says how many
// statements were checked (it is not a "verified"); errors and warnings (sources disagree) are
// counted apart.
(function (global) {
  const ns = (global.factlint = global.factlint || {});
  if (ns.outcome) return;

  const plural = (n, one, many) => `${n} ${n === 1 ? one : many}`;

  // result: {applies, statementsChecked, sheetTitle, findings, hidden}; noun: 'page' or 'text'.
  // Returns {state: 'offtopic' | 'clean' | 'found' | 'disputed', headline, errors, warnings}.
  function summarize(result, noun = 'page') {
    const findings = Array.isArray(result.findings) ? result.findings : [];
    const errors = findings.filter((f) => f.severity !== 'warning').length;
    const warnings = findings.length - errors;
    // A flagged statement was checked, whatever the count says.
    const counted = Number.isInteger(result.statementsChecked) ? result.statementsChecked : null;
    const flagged = findings.length + (Number.isInteger(result.hidden) ? result.hidden : 0);
    const checked = counted === null ? null : Math.max(counted, flagged);
    const title = result.sheetTitle || 'the fact sheet’s event';
    if (result.applies === false && !findings.length) {
      return { state: 'offtopic', headline: `This ${noun} isn’t about ${title}, so it was not checked.`, errors, warnings };
    }
    if (!findings.length) {
      const headline = checked === 0
        ? `Nothing in this ${noun} states a fact the sheet covers.`
        : checked === null
          ? 'No statement contradicts the fact sheet.'
          : `${plural(checked, 'statement', 'statements')} checked, none contradicts the fact sheet.`;
      return { state: 'clean', headline, errors, warnings };
    }
    const parts = [];
    if (errors) parts.push(`${plural(errors, 'statement contradicts', 'statements contradict')} the fact sheet`);
    if (warnings) parts.push(`${plural(warnings, 'statement is', 'statements are')} about facts the sources disagree on`);
    const of = checked ? ` (of ${plural(checked, 'statement', 'statements')} checked)` : '';
    return { state: errors ? 'found' : 'disputed', headline: `${parts.join('; ')}${of}.`, errors, warnings };
  }

  ns.outcome = { summarize, plural };
})(globalThis);
