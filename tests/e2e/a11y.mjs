// Accessibility check with axe-core (npm), run inside a playwright page: WCAG 2.0/2.1 A and AA
// rules (labels, names, contrast, landmarks, language) plus axe's best practices. The pasted page
// in the playground's iframe is the user's, not ours, so frames are not entered.
import fs from 'node:fs';
import { createRequire } from 'node:module';

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Violations of `page` as `[{id, impact, nodes, help}]`. */
export async function violations(page) {
  // Evaluated through the debugging protocol, so the site's CSP (script-src 'self') allows it.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const res = await page.evaluate(() =>
    window.axe.run(document, {
      iframes: false,
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    }),
  );
  return res.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5),
  }));
}

/** Throws when axe finds a serious or critical violation; returns the count of the others. */
export async function assertAccessible(page, label) {
  const found = await violations(page);
  const bad = found.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (bad.length) throw new Error(`${label}: ${JSON.stringify(bad)}`);
  for (const v of found) console.log(`  (axe ${label}) ${v.impact} ${v.id}: ${v.help} ${v.nodes.join(', ')}`);
  return found.length;
}
