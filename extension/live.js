/* Bersih — the live-DOM adapter: reads the page in one pass into a flat snapshot that crosses
 * into the core in one piece, and applies and restores the core's decisions. It decides
 * nothing. Used by the content script and by the site's playground (on its iframe's document).
 *
 * Snapshot (see crates/core/src/snapshot.rs `replay`): `ops` holds one character per visited
 * node, 'e' element, 't' text, 'c' end of element; `strs` the strings of the ops in order, each
 * followed by a NUL: an element's tag, its attributes as name, value pairs, then an empty
 * string; a text's data. `nodes[i]` is the live node of op `i` (null for ends). The first
 * `contexts` elements are copies of the ancestors of a partial walk's root.
 *
 * The walk visits what html5ever's flattening gives the native parser (elements with their
 * attributes, text and CDATA nodes; no comments, shadow roots or template contents) and skips
 * what the core drops anyway (script code and style sheet text), the one element of ours the
 * caller names (the reader's host, by identity: a page's own element of that name is walked),
 * and our own marks (a wrapping span is walked through, the hidden attribute left out), so
 * walking a page we already cleaned gives the snapshot of the page as it was.
 *
 * Hiding is reversible by construction: an element gets data-bersih-hidden="<kind>" (hide.css
 * hides it); a bare text run ("Baca Juga:" between <br>s) is moved into a
 * <span data-bersih-hidden data-bersih-wrap> inserted where it stood; restoring removes the
 * attributes and moves the same text nodes back, in reverse order.
 */
'use strict';

const bersihLive = (() => {
  /** Most ops one walk records: the core's `snapshot::MAX_OPS`; the replay reads no further. */
  const MAX_OPS = 200000;
  /** Most characters of strings one walk records: a page beyond it is analysed as far as it
   * goes (a 20 MB text still crosses as a few MB, far under the 64 MiB message limit). */
  const MAX_CHARS = 4000000;
  /** Nearest ancestors copied as context of a partial walk (the root element always is, for
   * its language): the class and language context of an insert is close to it. */
  const MAX_CONTEXTS = 32;

  const HIDDEN_ATTR = 'data-bersih-hidden';
  const WRAP_ATTR = 'data-bersih-wrap';
  const ELEMENT = 1;

  /** Whether the core drops this element's text anyway (code and style sheets): a transfer
   * saving only; the core's builder applies the rule. */
  function skipsText(el, tag) {
    if (tag === 'style') return true;
    if (tag !== 'script') return false;
    const type = (el.getAttribute('type') || '').trim().toLowerCase();
    return type === '' || type === 'module' || type.includes('javascript');
  }

  /** Elements, text and CDATA sections: what a TreeWalker hands the walk. */
  const SHOW = 0x1 | 0x4 | 0x8;

  /** A walk of the subtree at `root` in preorder, resumable: `step(deadline)` reads nodes until
   * the walk ends (true) or `performance.now()` passes `deadline` (false), so a big page can be
   * read over several tasks. The traversal is the browser's own (a TreeWalker); the end of an
   * element is found when the next node's parent is not the innermost open element. With
   * `withContext`, the walk opens inside copies of the root's ancestors; `own` (an element of
   * ours, or null) is left out. `finish()` gives `{ops, strs, contexts, nodes, truncated}`. */
  class Walk {
    constructor(root, withContext, own = null) {
      this.ops = '';
      this.parts = [];
      this.nodes = [];
      this.chars = 0;
      this.own = own;
      this.truncated = false;
      // Per open element: the element, whether it was emitted (a wrap span is walked through),
      // whether its text is skipped.
      this.open = [];
      this.emitted = [];
      this.skips = [];
      this.contexts = 0;
      if (withContext) {
        // The nearest ancestors, then the root element: never a walk up the whole chain, which
        // on a page nested 50,000 deep cost milliseconds per rescanned root.
        const chain = [];
        for (let up = root.parentElement; up && chain.length < MAX_CONTEXTS; up = up.parentElement) {
          if (!up.hasAttribute(WRAP_ATTR)) chain.push(up);
        }
        const top = root.ownerDocument.documentElement;
        if (root.isConnected && top && top !== root && chain[chain.length - 1] !== top) chain.push(top);
        for (let i = chain.length - 1; i >= 0; i--) this.element(chain[i], chain[i].localName, null);
        this.contexts = chain.length;
      }
      this.walker = root.ownerDocument.createTreeWalker(root, SHOW);
      this.cur = root;
    }

    put(s) {
      if (s.indexOf('\0') !== -1) s = s.replaceAll('\0', '\uFFFD');
      this.chars += s.length;
      this.parts.push(s);
    }

    /** Records an element's open op. By attribute name, not through `attributes`: the first walk
     * of a page would create an Attr node for every attribute. A namespaced name ("xlink:href")
     * goes by its local part, as in html5ever's tree. */
    element(el, tag, node) {
      this.ops += 'e';
      this.nodes.push(node);
      this.put(tag);
      if (el.hasAttributes()) {
        for (const name of el.getAttributeNames()) {
          if (name === HIDDEN_ATTR) continue;
          const colon = name.indexOf(':');
          this.put(colon === -1 ? name : name.slice(colon + 1));
          this.put(el.getAttribute(name));
        }
      }
      this.parts.push('');
    }

    /** Ends the innermost open element. */
    close() {
      this.open.pop();
      this.skips.pop();
      if (this.emitted.pop()) {
        this.ops += 'c';
        this.nodes.push(null);
      }
    }

    step(deadline = Infinity) {
      const w = this.walker;
      let n = 0;
      while (this.cur) {
        if (this.ops.length >= MAX_OPS || this.chars >= MAX_CHARS) {
          this.truncated = true;
          this.cur = null;
          break;
        }
        if ((++n & 255) === 0 && performance.now() > deadline) return false;
        const node = this.cur;
        const parent = node.parentNode;
        while (this.open.length && this.open[this.open.length - 1] !== parent) this.close();
        if (node.nodeType === ELEMENT) {
          if (node === this.own) {
            // Its subtree is left out: on to the next node after it.
            let next = w.nextSibling();
            while (!next && w.parentNode()) next = w.nextSibling();
            this.cur = next;
            continue;
          }
          const tag = node.localName;
          const emitted = tag !== 'span' || !node.hasAttribute(WRAP_ATTR);
          if (emitted) this.element(node, tag, node);
          const inherited = this.skips.length > 0 && this.skips[this.skips.length - 1];
          this.open.push(node);
          this.emitted.push(emitted);
          this.skips.push(emitted ? skipsText(node, tag) : inherited);
        } else if (!(this.skips.length && this.skips[this.skips.length - 1])) {
          this.ops += 't';
          this.nodes.push(node);
          this.put(node.data);
        }
        this.cur = w.nextNode();
      }
      return true;
    }

    finish() {
      // What the end or a cap left open, then the context copies.
      while (this.open.length) this.close();
      for (let i = 0; i < this.contexts; i++) {
        this.ops += 'c';
        this.nodes.push(null);
      }
      this.parts.push('');
      return { ops: this.ops, strs: this.parts.join('\0'), contexts: this.contexts, nodes: this.nodes, truncated: this.truncated };
    }
  }

  /** Walks the subtree at `root` at once (see `Walk`). */
  function walk(root, withContext, own = null) {
    const w = new Walk(root, withContext, own);
    w.step();
    return w.finish();
  }

  /** Walks the subtree at `root` in slices of at most `sliceMs` (see `walkEach`). */
  async function walkSliced(root, own, sliceMs) {
    return (await walkEach([root], false, own, sliceMs))[0];
  }

  /** Walks each of `roots` (see `Walk`) in slices of at most `sliceMs` across them all, yielding
   * to the page's other tasks between slices, so reading a big page, or rescanning many or big
   * added subtrees (a flood of inserts collapses to the body), is never one long task. */
  async function walkEach(roots, withContext, own, sliceMs) {
    const snaps = [];
    let deadline = performance.now() + sliceMs;
    for (const root of roots) {
      const w = new Walk(root, withContext, own);
      while (!w.step(deadline)) {
        await new Promise((resolve) => setTimeout(resolve, 0));
        deadline = performance.now() + sliceMs;
      }
      snaps.push(w.finish());
    }
    return snaps;
  }

  /** Most elements a page may have for its first read to go by markup: a bigger page is walked
   * in slices, under the walk's caps, rather than serialised in one task. */
  const MARKUP_MAX_ELEMENTS = 20000;
  /** Most characters of markup sent, and serialised before emptying: beyond them the page is
   * walked in slices (the walk's caps apply). Why these: serialising costs about 7 ns a
   * character in the page and sending about 10 (Chromium), both in one task, which stays
   * under 50 ms at these sizes. */
  const MARKUP_MAX_CHARS = 1500000;
  const MARKUP_MAX_SOURCE = 3000000;

  /** The page as markup, the cheap way to read it: one native serialisation instead of calls
   * per node (the core reads it back as the tag stream it is: crates/core/src/markup.rs, and
   * snapshot.rs `Locator`). Only the body is serialised, under an empty head: the detectors read nothing in
   * the head, where big pages keep most of their inline scripts and styles (64-81% of the
   * Guardian's, Breitbart's and Wikia's source), and serialising costs per character. `all`
   * gives the elements as they were when the markup was taken, in the order the core counts
   * them (the root, the head, the body and the body's elements), which its locators index.
   * Null when the page is too big for it. */
  function markup(doc) {
    const root = doc.documentElement;
    const { head, body } = doc;
    if (!root || !head || !body || head.parentNode !== root || body.parentNode !== root) return null;
    const inBody = body.querySelectorAll('*');
    if (inBody.length > MARKUP_MAX_ELEMENTS) return null;
    const source = body.outerHTML;
    if (source.length > MARKUP_MAX_SOURCE) return null;
    const html = emptied(source);
    if (html.length > MARKUP_MAX_CHARS) return null;
    const lang = root.getAttribute('lang');
    const open = lang === null ? '<html>' : `<html lang="${lang.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}">`;
    const lead = [root, head, body];
    const all = { length: lead.length + inBody.length, at: (i) => (i < lead.length ? lead[i] : inBody[i - lead.length]) };
    return { html: `${open}<head></head>${html}</html>`, all };
  }

  /** Starts of what the core never reads: comments, and script and style bodies (it drops their
   * text, JSON-LD aside: crates/core/src/page.rs `TEXTLESS`). */
  const EMPTIABLE = /<!--|<(script|style)(?=[\s/>])[^>]*>/g;

  /** `html` with its comments and its script and style bodies (JSON-LD kept) emptied. Why: a
   * page's inline scripts are often most of its markup (a megabyte of them on big news pages),
   * and the message to the background costs per character. The tags stay, so every element and
   * text run is where the core's locators count them. One forward pass: each end is searched for
   * from its start, and an unclosed start leaves the rest as it was; a page whose markup this
   * misreads fails `locate`'s checks and is walked. */
  function emptied(html) {
    const parts = [];
    let kept = 0;
    EMPTIABLE.lastIndex = 0;
    for (let m; (m = EMPTIABLE.exec(html)); ) {
      const close = m[1] ? `</${m[1]}>` : '-->';
      const body = m.index + m[0].length;
      const end = html.indexOf(close, body);
      if (end < 0) break;
      if (!m[1] || !/ld\+json/i.test(m[0])) {
        parts.push(html.slice(kept, body));
        kept = end;
      }
      EMPTIABLE.lastIndex = end + close.length;
    }
    parts.push(html.slice(kept));
    return parts.join('');
  }

  /** The live nodes of a markup answer's decisions, as a sparse op-indexed array for
   * `Hides.add`, or null when the page is not what its markup said (the element count or a
   * locator's check differs, or a text run's ends are not siblings): the caller walks instead. */
  function locate(all, result) {
    if (result.elements !== all.length) return null;
    const nodes = [];
    for (const l of result.locators) {
      const el = all.at(l.element);
      if (!el) return null;
      if (l.text === null) {
        if (el.localName !== l.check) return null;
        nodes[l.op] = el;
        continue;
      }
      let node = null;
      let i = 0;
      for (let c = el.firstChild; c; c = c.nextSibling) {
        if (c.nodeType !== 3 && c.nodeType !== 4) continue;
        if (i++ === l.text) {
          node = c;
          break;
        }
      }
      if (!node || !node.data.startsWith(l.check)) return null;
      nodes[l.op] = node;
    }
    for (const d of result.decisions) {
      if (!d.text_node) continue;
      let n = nodes[d.first];
      while (n && n !== nodes[d.last]) n = n.nextSibling;
      if (!n) return null;
    }
    return nodes;
  }

  /** The decided blocks of a page, and whether each is hidden now. */
  class Hides {
    constructor() {
      this.list = []; // {first, last, textNode, kind, text, reason, applied}
      this.known = new Set(); // first nodes, so a block is recorded once
      this.kinds = null; // the kinds of the last apply
      this.appliedUpTo = 0; // blocks before this index were applied with `kinds`
    }

    /** Records the decisions of one walk; returns how many blocks are new. */
    add(nodes, decisions) {
      let n = 0;
      for (const d of decisions) {
        const first = nodes[d.first];
        const last = nodes[d.last];
        if (!first || !last || this.known.has(first)) continue;
        this.known.add(first);
        this.list.push({ first, last, textNode: d.text_node, kind: d.kind, text: d.text, reason: d.reason, applied: null });
        n++;
      }
      return n;
    }

    /** Hides the blocks of the wanted kinds (`{recirculation, ad}`) and shows the others; only
     * the blocks added since the last apply are visited when the kinds did not change. Returns
     * how many are hidden. */
    apply(kinds) {
      const same = this.kinds && this.kinds.recirculation === !!kinds.recirculation && this.kinds.ad === !!kinds.ad;
      const from = same ? this.appliedUpTo : 0;
      for (let i = from; i < this.list.length; i++) {
        const h = this.list[i];
        const wanted = !!kinds[h.kind];
        if (wanted && !h.applied) h.applied = hide(h);
        else if (!wanted && h.applied) unhide(h);
      }
      this.kinds = { recirculation: !!kinds.recirculation, ad: !!kinds.ad };
      this.appliedUpTo = this.list.length;
      return this.hiddenCount();
    }

    /** Shows every hidden block, last first; returns how many were shown. */
    restore() {
      let n = 0;
      for (let i = this.list.length - 1; i >= 0; i--) {
        if (this.list[i].applied) {
          unhide(this.list[i]);
          n++;
        }
      }
      this.kinds = null;
      this.appliedUpTo = 0;
      return n;
    }

    /** Forgets every block (after restoring them). */
    clear() {
      this.restore();
      this.list = [];
      this.known.clear();
    }

    hiddenCount() {
      let n = 0;
      for (const h of this.list) if (h.applied) n++;
      return n;
    }

    /** Counts by kind and the items in the order found, as the popup and playground list them. */
    stats() {
      const hidden = { recirculation: 0, ad: 0 };
      const items = [];
      for (const h of this.list) {
        if (h.applied) hidden[h.kind]++;
        items.push({ kind: h.kind, text: h.text, reason: h.reason, hidden: !!h.applied });
      }
      return { hidden, items };
    }
  }

  function hide(h) {
    if (!h.textNode) {
      if (h.first.nodeType !== ELEMENT || h.first.hasAttribute(HIDDEN_ATTR)) return null;
      h.first.setAttribute(HIDDEN_ATTR, h.kind);
      return h.first;
    }
    const parent = h.first.parentNode;
    if (!parent) return null;
    const span = h.first.ownerDocument.createElement('span');
    span.setAttribute(HIDDEN_ATTR, h.kind);
    span.setAttribute(WRAP_ATTR, '');
    parent.insertBefore(span, h.first);
    for (let node = h.first; node; ) {
      const next = node.nextSibling;
      span.appendChild(node);
      if (node === h.last) break;
      node = next;
    }
    return span;
  }

  function unhide(h) {
    const el = h.applied;
    h.applied = null;
    if (!el) return;
    if (!h.textNode) {
      el.removeAttribute(HIDDEN_ATTR);
      return;
    }
    const parent = el.parentNode;
    if (!parent) return;
    while (el.firstChild) parent.insertBefore(el.firstChild, el);
    parent.removeChild(el);
  }

  /** The wire form of a walk: what crosses into the core (no live nodes). */
  function wire(snap) {
    return { ops: snap.ops, strs: snap.strs, contexts: snap.contexts };
  }

  return Object.freeze({ walk, walkSliced, walkEach, markup, emptied, locate, wire, Hides, HIDDEN_ATTR, WRAP_ATTR });
})();
