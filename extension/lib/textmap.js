'use strict';
// The article's visible text and a map from each of its UTF-16 code units back to a DOM position.
//
// build(root) walks the rendered text nodes under `root` (not hidden, not in a closed <details>, not
// in script, style, form controls and the like), collapses white space the way CSS does,
// turns block boundaries and <br> into "\n" (so blocks never run together) and records, for every
// code unit of the resulting text, the text node and offset it came from. Code units that exist
// only in the text (block line breaks) map to no node. toRange() turns [start, end) back into a
// DOM Range, which may cross inline elements such as <em>.
(function (global) {
  const ns = (global.factlint = global.factlint || {});
  if (ns.textmap) return;

  // Elements whose text is never article prose.
  const SKIP = new Set([
    'script', 'style', 'noscript', 'template', 'textarea', 'select', 'option', 'optgroup', 'button',
    'input', 'svg', 'math', 'canvas', 'iframe', 'object', 'embed', 'video', 'audio', 'head', 'title',
    'meta', 'link', 'factlint-card',
  ]);
  const ROOT_SELECTORS = ['article', 'main', '[role=main]'];
  const COLLAPSIBLE = /[ \t\n\r\f]/;

  function styleOf(el) {
    const view = el.ownerDocument.defaultView;
    return view ? view.getComputedStyle(el) : null;
  }

  // Is `display` a value that starts a new line (block, list item, table row, flex or grid box)?
  function isBlockDisplay(display) {
    if (!display || display === 'contents' || display === 'none') return false;
    return !display.startsWith('inline') && !display.startsWith('ruby');
  }

  function isBlock(el) {
    const style = styleOf(el);
    return !!style && isBlockDisplay(style.display);
  }

  // Is the element rendered at all (not display:none, not hidden, not in a skipped subtree)?
  function isRendered(el, style) {
    style = style || styleOf(el);
    if (!style || style.display === 'none') return false;
    if (style.display !== 'contents' && typeof el.checkVisibility === 'function') {
      return el.checkVisibility({ contentVisibilityAuto: false });
    }
    return true;
  }

  // How white space inside `style` is treated: 'collapse', 'preserve-breaks' or 'preserve'.
  function spaceMode(style) {
    const collapse = style.whiteSpaceCollapse;
    if (collapse) {
      if (collapse === 'collapse') return 'collapse';
      if (collapse === 'preserve-breaks') return 'preserve-breaks';
      return 'preserve';
    }
    const ws = style.whiteSpace;
    if (ws === 'pre' || ws === 'pre-wrap' || ws === 'break-spaces') return 'preserve';
    if (ws === 'pre-line') return 'preserve-breaks';
    return 'collapse';
  }

  // The element that holds the article: the largest visible <article>, else <main>, else
  // [role=main], else the body.
  function findRoot(doc) {
    for (const selector of ROOT_SELECTORS) {
      let best = null;
      let bestLength = 0;
      for (const el of doc.querySelectorAll(selector)) {
        const length = (el.textContent || '').trim().length;
        if (length > bestLength && isRendered(el)) {
          best = el;
          bestLength = length;
        }
      }
      if (best) return best;
    }
    return doc.body || doc.documentElement;
  }

  class Builder {
    constructor() {
      this.chunks = [];
      this.length = 0;
      this.last = ''; // the last code unit emitted
      this.nodes = [];
      this.nodeIndex = [];
      this.nodeOffset = [];
      this.pending = null; // a collapsed space waiting for the next visible character
    }

    emit(ch, node, nodeIdx, offset) {
      this.chunks.push(ch);
      this.length += ch.length;
      this.last = ch[ch.length - 1];
      for (let i = 0; i < ch.length; i++) {
        this.nodeIndex.push(nodeIdx);
        this.nodeOffset.push(nodeIdx < 0 ? 0 : offset + i);
      }
    }

    lineBreak() {
      this.pending = null;
      this.emit('\n', null, -1, 0);
    }

    boundary() {
      this.pending = null;
      if (this.length > 0 && this.last !== '\n') this.emit('\n', null, -1, 0);
    }

    text(node, mode) {
      const data = node.data;
      if (!data) return;
      const idx = this.nodes.length;
      let used = false;
      for (let i = 0; i < data.length; i++) {
        const ch = data[i];
        if (mode !== 'preserve' && COLLAPSIBLE.test(ch)) {
          if (ch === '\n' && mode === 'preserve-breaks') {
            if (!used) {
              this.nodes.push(node);
              used = true;
            }
            this.pending = null;
            this.emit('\n', node, idx, i);
            continue;
          }
          if (this.length > 0 && this.last !== '\n' && this.last !== ' ' && !this.pending) {
            this.pending = { idx, offset: i };
            if (!used) {
              this.nodes.push(node);
              used = true;
            }
          }
          continue;
        }
        if (!used) {
          this.nodes.push(node);
          used = true;
        }
        if (this.pending) {
          this.emit(' ', null, this.pending.idx, this.pending.offset);
          this.pending = null;
        }
        this.emit(ch, node, idx, i);
      }
    }

    walk(el) {
      if (SKIP.has(el.localName)) return;
      const style = styleOf(el);
      if (!style || !isRendered(el, style)) return;
      const block = isBlockDisplay(style.display);
      const visible = style.visibility === 'visible';
      const mode = spaceMode(style);
      if (block) this.boundary();
      const closed = el.localName === 'details' && !el.open; // only its summary is shown
      for (let child = el.firstChild; child; child = child.nextSibling) {
        if (closed && !(child.nodeType === 1 && child.localName === 'summary')) continue;
        if (child.nodeType === 3) {
          if (visible) this.text(child, mode);
        } else if (child.nodeType === 1) {
          if (child.localName === 'br') {
            if (visible) this.lineBreak();
          } else {
            this.walk(child);
          }
        }
      }
      if (block) this.boundary();
    }

    finish(root) {
      let text = this.chunks.join('');
      let n = text.length;
      while (n > 0 && text[n - 1] === '\n' && this.nodeIndex[n - 1] < 0) n--;
      text = text.slice(0, n);
      return {
        root,
        text,
        nodes: this.nodes,
        nodeIndex: Int32Array.from(this.nodeIndex.slice(0, n)),
        nodeOffset: Int32Array.from(this.nodeOffset.slice(0, n)),
      };
    }
  }

  // The text of `root` and its map. The node that `root` is in need not be the document.
  function build(root) {
    const builder = new Builder();
    if (root && root.nodeType === 1) builder.walk(root);
    return builder.finish(root);
  }

  // Several maps as one text, joined by "\n" (used to check only the blocks that changed).
  function join(maps) {
    const text = maps.map((m) => m.text).join('\n');
    const nodes = [];
    const nodeIndex = new Int32Array(text.length).fill(-1);
    const nodeOffset = new Int32Array(text.length);
    let at = 0;
    for (const m of maps) {
      const base = nodes.length;
      for (let i = 0; i < m.text.length; i++) {
        nodeIndex[at + i] = m.nodeIndex[i] < 0 ? -1 : m.nodeIndex[i] + base;
        nodeOffset[at + i] = m.nodeOffset[i];
      }
      nodes.push(...m.nodes);
      at += m.text.length + 1;
    }
    return { root: null, text, nodes, nodeIndex, nodeOffset };
  }

  // A DOM Range for text[start, end), or null when the span has no text node behind it or the
  // nodes changed since the map was built.
  function toRange(map, start, end) {
    if (!(start >= 0 && end <= map.text.length && start < end)) return null;
    let s = start;
    while (s < end && map.nodeIndex[s] < 0) s++;
    let e = end - 1;
    while (e >= s && map.nodeIndex[e] < 0) e--;
    if (e < s) return null;
    const startNode = map.nodes[map.nodeIndex[s]];
    const endNode = map.nodes[map.nodeIndex[e]];
    const startOffset = map.nodeOffset[s];
    const endOffset = map.nodeOffset[e] + 1;
    if (!startNode.isConnected || !endNode.isConnected) return null;
    if (startOffset > startNode.length || endOffset > endNode.length) return null;
    const range = startNode.ownerDocument.createRange();
    range.setStart(startNode, startOffset);
    range.setEnd(endNode, endOffset);
    return range;
  }

  // The nearest block-level ancestor of `node` inside `root` (or `root` itself).
  function closestBlock(node, root) {
    let el = node && node.nodeType === 1 ? node : node && node.parentElement;
    while (el && el !== root) {
      if (isBlock(el)) return el;
      el = el.parentElement;
    }
    return root;
  }

  ns.textmap = { build, join, toRange, findRoot, closestBlock, isBlock, isRendered };
})(globalThis);
